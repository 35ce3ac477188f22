package io.oomguard.cases.realfixes.springhateoas_methodoncache.before;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The example: the type-level variable is filled through methodOn's parameters. */
@RestController
@RequestMapping("/api/resource/{resourceId}")
public class ResourceController {

  @GetMapping
  public ResponseEntity<String> getResource(@PathVariable String resourceId) {
    String self =
        WebMvcLinkBuilder.linkTo(
                WebMvcLinkBuilder.methodOn(ResourceController.class, resourceId).getResource(null))
            .withSelfRel();
    return ResponseEntity.ok().header("Link", self).body(resourceId);
  }
}
