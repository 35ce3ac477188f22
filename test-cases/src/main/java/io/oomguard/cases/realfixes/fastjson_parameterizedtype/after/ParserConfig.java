/*
 * Modeled on fastjson, issue https://github.com/alibaba/fastjson/issues/3329 (deserializing with a
 * new ParameterizedTypeImpl each time leaks memory; also #1418, #849), fixed by
 * https://github.com/alibaba/fastjson/commit/38070ca5a2713795403334c78f43470a560684b7
 * ("fix ParameterizedTypeImpl memory leak case, fix #3329").
 *
 * The global ParserConfig caches one deserializer per Type in fastjson's own IdentityHashMap,
 * which compares keys with ==. Callers that build a new ParameterizedTypeImpl for every parse
 * (CommonVO<SomeInfo> here) pass a key that is equal in value but never identical, so every call
 * creates a deserializer and adds an entry that is never found again.
 *
 * The fix: on a miss for a ParameterizedTypeImpl, the type is first interned through
 * TypeReference's value-keyed type cache, so equal types share one key object and one
 * deserializer.
 */
package io.oomguard.cases.realfixes.fastjson_parameterizedtype.after;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;

/** Global configuration of the parser: the deserializer for each type. */
public class ParserConfig {

  public static ParserConfig global = new ParserConfig();

  public static ParserConfig getGlobalInstance() {
    return global;
  }

  private final IdentityHashMap<Type, ObjectDeserializer> deserializers =
      new IdentityHashMap<Type, ObjectDeserializer>();

  public ParserConfig() {
    deserializers.put(String.class, StringDeserializer.instance);
    deserializers.put(Map.class, MapDeserializer.instance);
  }

  public ObjectDeserializer get(Type type) {
    return this.deserializers.get(type);
  }

  public ObjectDeserializer getDeserializer(Type type) {
    ObjectDeserializer deserializer = get(type);
    if (deserializer != null) {
      return deserializer;
    }
    if (type instanceof Class<?>) {
      return getDeserializer((Class<?>) type, type);
    }
    if (type instanceof ParameterizedType) {
      Type rawType = ((ParameterizedType) type).getRawType();
      if (rawType instanceof Class<?>) {
        return getDeserializer((Class<?>) rawType, type);
      }
      return getDeserializer(rawType);
    }
    return MapDeserializer.instance;
  }

  public ObjectDeserializer getDeserializer(Class<?> clazz, Type type) {
    ObjectDeserializer deserializer = get(type);
    if (deserializer == null && type instanceof ParameterizedTypeImpl) {
      Type innerType = TypeReference.intern((ParameterizedTypeImpl) type);
      deserializer = get(innerType);
    }
    if (deserializer != null) {
      return deserializer;
    }
    deserializer = new JavaBeanDeserializer(this, clazz, type);
    putDeserializer(type, deserializer);
    return deserializer;
  }

  public void putDeserializer(Type type, ObjectDeserializer deserializer) {
    this.deserializers.put(type, deserializer);
  }
}
