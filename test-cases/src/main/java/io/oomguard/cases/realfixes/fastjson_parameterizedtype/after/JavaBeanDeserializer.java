package io.oomguard.cases.realfixes.fastjson_parameterizedtype.after;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;

/**
 * Deserializer for a bean class, built by introspecting its fields (in the real library also
 * generating bytecode); expensive, and meant to be built once per type.
 */
public class JavaBeanDeserializer implements ObjectDeserializer {
  private final Class<?> clazz;
  private final Type type;
  private final Field[] fields;

  public JavaBeanDeserializer(ParserConfig config, Class<?> clazz, Type type) {
    this.clazz = clazz;
    this.type = type;
    this.fields = clazz.getDeclaredFields();
    for (Field field : fields) {
      if (!Modifier.isStatic(field.getModifiers())) {
        field.setAccessible(true);
      }
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T deserialze(String text) {
    try {
      return (T) clazz.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + type, e);
    }
  }
}
