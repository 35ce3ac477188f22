/*
 * Modeled on SAP cloud-security-services-integration-library (java-security), issue
 * https://github.com/SAP/cloud-security-services-integration-library/issues/307 ("Potential
 * Memory Leak in JwtValidatorBuilder"), fixed by PR #312, commit
 * https://github.com/SAP/cloud-security-services-integration-library/commit/529e15eaeae9507c523491f1882dadcfda3de84d
 * ("Implement hashCode and equals for OAuth2ServiceConfigurationImpl").
 *
 * JwtValidatorBuilder.getInstance kept one builder per service configuration in a static HashMap
 * keyed by the configuration object. OAuth2ServiceConfigurationBuilder.build() returned an
 * anonymous class without equals/hashCode, and the reporter's filter built its configuration per
 * request, so every request added a builder (with its validators and key caches) to the map.
 *
 * The fix: build() returns a named OAuth2ServiceConfigurationImpl with equals and hashCode over
 * its properties, service and mode, so configurations built from the same binding find the same
 * builder. (The map itself stayed as it was.)
 */
package io.oomguard.cases.realfixes.sap_jwtvalidatorbuilder.after;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Builds the token validator for one identity-service configuration. */
public class JwtValidatorBuilder {
  private static Map<OAuth2ServiceConfiguration, JwtValidatorBuilder> instances = new HashMap<>();

  private final Collection<Validator<Token>> validators = new ArrayList<>();
  private OAuth2ServiceConfiguration configuration;

  private JwtValidatorBuilder() {
    // use getInstance factory method
  }

  /** Returns the builder for this configuration, creating it on first use. */
  public static JwtValidatorBuilder getInstance(OAuth2ServiceConfiguration configuration) {
    if (configuration == null) {
      throw new IllegalArgumentException("configuration must not be null");
    }
    if (instances.containsKey(configuration)) {
      return instances.get(configuration);
    }
    JwtValidatorBuilder instance = new JwtValidatorBuilder();
    instance.configuration = configuration;
    instances.put(configuration, instance);
    return instance;
  }

  /** Adds a custom validator to the validation chain. */
  public JwtValidatorBuilder with(Validator<Token> validator) {
    validators.add(validator);
    return this;
  }

  /** Builds the combined validator: issuer, audience, then the custom validators. */
  public Validator<Token> build() {
    String issuer = configuration.getUrl();
    String clientId = configuration.getClientId();
    Collection<Validator<Token>> custom = validators;
    return token -> {
      if (!issuer.equals(token.getIssuer()) || !token.getAudiences().contains(clientId)) {
        return false;
      }
      for (Validator<Token> validator : custom) {
        if (!validator.validate(token)) {
          return false;
        }
      }
      return true;
    };
  }
}
