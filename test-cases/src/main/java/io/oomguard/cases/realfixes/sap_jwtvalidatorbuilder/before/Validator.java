package io.oomguard.cases.realfixes.sap_jwtvalidatorbuilder.before;

/** Validates a token. */
@FunctionalInterface
public interface Validator<T> {
  boolean validate(T token);
}
