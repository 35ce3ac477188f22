package io.oomguard.cases.realfixes.sap_jwtvalidatorbuilder.before;

import java.util.HashMap;
import java.util.Map;

/** Builds service configurations, e.g. from environment properties. */
public class OAuth2ServiceConfigurationBuilder {
  private final Map<String, String> properties = new HashMap<>();
  private final Service service;

  private OAuth2ServiceConfigurationBuilder(Service service) {
    this.service = service;
  }

  public static OAuth2ServiceConfigurationBuilder forService(Service service) {
    return new OAuth2ServiceConfigurationBuilder(service);
  }

  public OAuth2ServiceConfigurationBuilder withClientId(String clientId) {
    properties.put("clientid", clientId);
    return this;
  }

  public OAuth2ServiceConfigurationBuilder withClientSecret(String clientSecret) {
    properties.put("clientsecret", clientSecret);
    return this;
  }

  public OAuth2ServiceConfigurationBuilder withUrl(String url) {
    properties.put("url", url);
    return this;
  }

  public OAuth2ServiceConfigurationBuilder withProperty(String key, String value) {
    properties.put(key, value);
    return this;
  }

  public OAuth2ServiceConfiguration build() {
    return new OAuth2ServiceConfiguration() {
      @Override
      public String getClientId() {
        return properties.get("clientid");
      }

      @Override
      public String getClientSecret() {
        return properties.get("clientsecret");
      }

      @Override
      public String getUrl() {
        return properties.get("url");
      }

      @Override
      public String getProperty(String name) {
        return properties.get(name);
      }

      @Override
      public Service getService() {
        return service;
      }
    };
  }
}
