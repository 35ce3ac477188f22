package io.oomguard.cases.realfixes.fastjson_parameterizedtype.before;

/** Turns JSON text into an object of one type. */
public interface ObjectDeserializer {
  <T> T deserialze(String text);
}
