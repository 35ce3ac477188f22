package io.oomguard.cases.realfixes.fastjson_parameterizedtype.after;

import java.lang.reflect.Type;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Captures generic types; keeps one canonical instance per distinct type (by value), which the fix
 * reuses to intern ParameterizedTypeImpl keys.
 */
public class TypeReference<T> {
  static ConcurrentMap<Type, Type> classTypeCache = new ConcurrentHashMap<Type, Type>(16, 0.75f, 1);

  public static Type intern(ParameterizedTypeImpl type) {
    Type cachedType = classTypeCache.get(type);
    if (cachedType == null) {
      classTypeCache.putIfAbsent(type, type);
      cachedType = classTypeCache.get(type);
    }
    return cachedType;
  }
}
