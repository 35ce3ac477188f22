package io.oomguard.cases.realfixes.sap_jwtvalidatorbuilder.after;

/** The identity services a token can come from. */
public enum Service {
  XSUAA,
  IAS
}
