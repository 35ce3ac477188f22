package io.oomguard.cases.realfixes.powerauth_restclientcache.after;

import org.springframework.stereotype.Service;

/** Activation life cycle; every status change notifies the callbacks. */
@Service
public class ActivationServiceBehavior {
  private final ActivationRepository activationRepository;
  private final CallbackUrlBehavior callbackUrlBehavior;

  public ActivationServiceBehavior(
      ActivationRepository activationRepository, CallbackUrlBehavior callbackUrlBehavior) {
    this.activationRepository = activationRepository;
    this.callbackUrlBehavior = callbackUrlBehavior;
  }

  public void blockActivation(String activationId) {
    ActivationRecordEntity activation = activationRepository.findActivationWithLock(activationId);
    activation.setActivationStatus("BLOCKED");
    activationRepository.save(activation);
    callbackUrlBehavior.notifyCallbackListenersOnActivationChange(activation);
  }
}
