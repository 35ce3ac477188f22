/*
 * Modeled on Helidon 4, issue https://github.com/helidon-io/helidon/issues/9113 ("Memory leak in
 * io.helidon.common.mapper.MapperManagerImpl"), fixed by
 * https://github.com/helidon-io/helidon/pull/9121 (commit 9f8e847eab7d2937252dfc9c1753296d25e77d84,
 * "Fix cache key. It was using array, which does not have a good equals method. Replaced with
 * List.").
 *
 * The global mapper manager cached the mapper found for (source type, target type, qualifiers) in
 * a ConcurrentHashMap keyed by a record whose last component was the String... qualifiers array.
 * A record compares array components by identity, and every call passes a new varargs array (the
 * query parameter values carry ("uri", "query")), so each lookup of a request parameter as an
 * Integer added another entry.
 *
 * The fix: the key record holds the qualifiers as a List (List.of(qualifiers)), which compares by
 * value.
 */
package io.oomguard.cases.realfixes.helidon_mappercachekey.after;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Finds and caches mappers from the registered providers. */
final class MapperManagerImpl implements MapperManager {
  private final List<MapperProvider> providers;
  private final Map<ClassCacheKey, Mapper<?, ?>> classCache = new ConcurrentHashMap<>();

  MapperManagerImpl(List<MapperProvider> providers) {
    this.providers = List.copyOf(providers);
  }

  @Override
  public <S, T> T map(S source, Class<S> sourceType, Class<T> targetType, String... qualifiers) {
    return findMapper(sourceType, targetType, qualifiers).map(source);
  }

  @SuppressWarnings("unchecked")
  private <S, T> Mapper<S, T> findMapper(
      Class<S> sourceType, Class<T> targetType, String... qualifiers) {
    Mapper<?, ?> mapper =
        classCache.computeIfAbsent(
            new ClassCacheKey(sourceType, targetType, List.of(qualifiers)),
            key ->
                fromProviders(sourceType, targetType, qualifiers)
                    .orElseGet(() -> new NotFoundMapper(sourceType, targetType, qualifiers)));
    return (Mapper<S, T>) mapper;
  }

  /** Asks the providers, most specific qualifier first ("uri/query", then "uri", then none). */
  private Optional<Mapper<?, ?>> fromProviders(
      Class<?> sourceType, Class<?> targetType, String... qualifiers) {
    for (int i = qualifiers.length; i >= 0; i--) {
      String qualifier = String.join("/", List.of(qualifiers).subList(0, i));
      for (MapperProvider provider : providers) {
        Optional<Mapper<?, ?>> mapper = provider.mapper(sourceType, targetType, qualifier);
        if (mapper.isPresent()) {
          return mapper;
        }
      }
    }
    return Optional.empty();
  }

  private record ClassCacheKey(Class<?> sourceType, Class<?> targetType, List<String> qualifiers) {}

  @SuppressWarnings("rawtypes")
  private static final class NotFoundMapper implements Mapper {
    private final String description;

    private NotFoundMapper(Class<?> sourceType, Class<?> targetType, String[] qualifiers) {
      this.description =
          sourceType.getName() + " -> " + targetType.getName() + " " + String.join(",", qualifiers);
    }

    @Override
    public Object map(Object source) {
      throw new IllegalArgumentException("Failed to find mapper: " + description);
    }
  }
}
