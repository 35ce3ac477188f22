package io.oomguard.cases.realfixes.fastjson_parameterizedtype.after;

import java.util.LinkedHashMap;

/** Deserializer for maps and untyped objects (reduced: returns an empty map). */
public final class MapDeserializer implements ObjectDeserializer {
  public static final MapDeserializer instance = new MapDeserializer();

  @Override
  @SuppressWarnings("unchecked")
  public <T> T deserialze(String text) {
    return (T) new LinkedHashMap<String, Object>();
  }
}
