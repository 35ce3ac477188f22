package io.oomguard.cases.realfixes.fastjson_parameterizedtype.before;

import java.lang.reflect.Type;

/** The static entry points of the library. */
public final class JSON {
  private JSON() {}

  public static <T> T parseObject(String text, Type type) {
    if (text == null) {
      return null;
    }
    ObjectDeserializer deserializer = ParserConfig.getGlobalInstance().getDeserializer(type);
    return deserializer.deserialze(text);
  }
}
