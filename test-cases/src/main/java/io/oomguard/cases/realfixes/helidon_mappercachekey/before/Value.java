package io.oomguard.cases.realfixes.helidon_mappercachekey.before;

/** A named String value that can be mapped to other types through the mapper manager. */
public final class Value {
  private final MapperManager mapperManager;
  private final String name;
  private final String value;
  private final String[] qualifiers;

  private Value(MapperManager mapperManager, String name, String value, String... qualifiers) {
    this.mapperManager = mapperManager;
    this.name = name;
    this.value = value;
    this.qualifiers = qualifiers;
  }

  public static Value create(
      MapperManager mapperManager, String name, String value, String... qualifiers) {
    return new Value(mapperManager, name, value, qualifiers);
  }

  public String name() {
    return name;
  }

  public String get() {
    return value;
  }

  public <T> T as(Class<T> type) {
    return mapperManager.map(value, String.class, type, qualifiers);
  }
}
