package io.oomguard.cases.realfixes.helidon_mappercachekey.after;

/** Maps one value. */
@FunctionalInterface
public interface Mapper<S, T> {
  T map(S source);
}
