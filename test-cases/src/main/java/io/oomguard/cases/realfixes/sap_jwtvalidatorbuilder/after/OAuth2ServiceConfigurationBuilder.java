package io.oomguard.cases.realfixes.sap_jwtvalidatorbuilder.after;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

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
    return new OAuth2ServiceConfigurationImpl(properties, service);
  }

  private static final class OAuth2ServiceConfigurationImpl implements OAuth2ServiceConfiguration {
    private final Map<String, String> properties;
    private final Service service;

    private OAuth2ServiceConfigurationImpl(Map<String, String> properties, Service service) {
      this.properties = properties;
      this.service = service;
    }

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

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      if (o == null || getClass() != o.getClass()) {
        return false;
      }
      OAuth2ServiceConfigurationImpl that = (OAuth2ServiceConfigurationImpl) o;
      return properties.equals(that.properties) && service == that.service;
    }

    @Override
    public int hashCode() {
      return Objects.hash(properties, service);
    }
  }
}
