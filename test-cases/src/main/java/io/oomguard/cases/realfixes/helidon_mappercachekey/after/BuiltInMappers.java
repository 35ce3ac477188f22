package io.oomguard.cases.realfixes.helidon_mappercachekey.after;

import java.util.Optional;

/** The built-in String-to-number mappers. */
final class BuiltInMappers implements MapperProvider {
  @Override
  public Optional<Mapper<?, ?>> mapper(Class<?> sourceType, Class<?> targetType, String qualifier) {
    if (sourceType != String.class) {
      return Optional.empty();
    }
    if (targetType == Integer.class) {
      return Optional.of((Mapper<String, Integer>) Integer::valueOf);
    }
    if (targetType == Long.class) {
      return Optional.of((Mapper<String, Long>) Long::valueOf);
    }
    return Optional.empty();
  }
}
