package io.oomguard.cases.realfixes.sap_jwtvalidatorbuilder.before;

import java.util.Set;

/** A decoded JWT. */
public interface Token {
  String getIssuer();

  Set<String> getAudiences();
}
