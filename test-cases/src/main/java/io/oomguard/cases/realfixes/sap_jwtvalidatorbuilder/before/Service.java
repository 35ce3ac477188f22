package io.oomguard.cases.realfixes.sap_jwtvalidatorbuilder.before;

/** The identity services a token can come from. */
public enum Service {
  XSUAA,
  IAS
}
