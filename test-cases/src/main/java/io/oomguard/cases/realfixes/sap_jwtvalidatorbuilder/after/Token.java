package io.oomguard.cases.realfixes.sap_jwtvalidatorbuilder.after;

import java.util.Set;

/** A decoded JWT. */
public interface Token {
  String getIssuer();

  Set<String> getAudiences();
}
