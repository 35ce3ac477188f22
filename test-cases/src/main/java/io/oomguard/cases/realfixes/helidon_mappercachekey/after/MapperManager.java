package io.oomguard.cases.realfixes.helidon_mappercachekey.after;

import java.util.List;

/** Maps values between types, e.g. a query parameter String to an Integer. */
public interface MapperManager {

  /** The manager shared by the whole runtime (parameters, headers, config). */
  static MapperManager global() {
    return GlobalHolder.INSTANCE;
  }

  <S, T> T map(S source, Class<S> sourceType, Class<T> targetType, String... qualifiers);

  /** Lazily created global instance. */
  final class GlobalHolder {
    static final MapperManager INSTANCE = new MapperManagerImpl(List.of(new BuiltInMappers()));

    private GlobalHolder() {}
  }
}
