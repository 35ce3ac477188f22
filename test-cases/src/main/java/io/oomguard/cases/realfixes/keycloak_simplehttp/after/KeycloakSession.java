package io.oomguard.cases.realfixes.keycloak_simplehttp.after;

/** The per-request session object providers are looked up from (reduced). */
public interface KeycloakSession {
  <T> T getProvider(Class<T> clazz);
}
