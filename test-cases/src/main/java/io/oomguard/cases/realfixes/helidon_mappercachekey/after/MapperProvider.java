package io.oomguard.cases.realfixes.helidon_mappercachekey.after;

import java.util.Optional;

/** A source of mappers (a service-loaded SPI in the real code). */
public interface MapperProvider {
  Optional<Mapper<?, ?>> mapper(Class<?> sourceType, Class<?> targetType, String qualifier);
}
