package io.oomguard.cases.realfixes.sap_jwtvalidatorbuilder.after;

/** Validates a token. */
@FunctionalInterface
public interface Validator<T> {
  boolean validate(T token);
}
