package io.oomguard.cases.realfixes.powerauth_restclientcache.before;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The REST API of the server. */
@RestController
public class ActivationController {
  private final ActivationServiceBehavior activationServiceBehavior;

  public ActivationController(ActivationServiceBehavior activationServiceBehavior) {
    this.activationServiceBehavior = activationServiceBehavior;
  }

  @PostMapping("/rest/v3/activation/{id}/block")
  public void block(@PathVariable String id) {
    activationServiceBehavior.blockActivation(id);
  }
}
