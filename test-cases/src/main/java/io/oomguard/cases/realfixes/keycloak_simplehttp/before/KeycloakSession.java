package io.oomguard.cases.realfixes.keycloak_simplehttp.before;

/** The per-request session object providers are looked up from (reduced). */
public interface KeycloakSession {
  <T> T getProvider(Class<T> clazz);
}
