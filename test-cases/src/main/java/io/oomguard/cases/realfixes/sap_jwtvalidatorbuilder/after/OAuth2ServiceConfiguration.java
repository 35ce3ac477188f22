package io.oomguard.cases.realfixes.sap_jwtvalidatorbuilder.after;

/** The binding of an identity service: client id, URL, further properties. */
public interface OAuth2ServiceConfiguration {
  String getClientId();

  String getClientSecret();

  String getUrl();

  String getProperty(String name);

  Service getService();
}
