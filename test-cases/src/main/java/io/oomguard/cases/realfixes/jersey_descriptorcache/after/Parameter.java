package io.oomguard.cases.realfixes.jersey_descriptorcache.after;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Objects;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;

/** A resource method parameter: where its value comes from and its type. */
public class Parameter {

  /** Where a parameter value comes from. */
  public enum Source {
    CONTEXT,
    PATH,
    QUERY,
    ENTITY
  }

  private final Annotation[] annotations;
  private final Annotation sourceAnnotation;
  private final Source source;
  private final String sourceName;
  private final boolean encoded;
  private final String defaultValue;
  private final Class<?> rawType;
  private final Type type;

  private Parameter(
      Annotation[] annotations,
      Annotation sourceAnnotation,
      Source source,
      String sourceName,
      Class<?> rawType,
      Type type) {
    this.annotations = annotations;
    this.sourceAnnotation = sourceAnnotation;
    this.source = source;
    this.sourceName = sourceName;
    this.encoded = false;
    this.defaultValue = null;
    this.rawType = rawType;
    this.type = type;
  }

  /** Builds the model of one method parameter from its reflective description. */
  public static Parameter create(Class<?> rawType, Type type, Annotation[] annotations) {
    for (Annotation annotation : annotations) {
      if (annotation instanceof Context) {
        return new Parameter(annotations, annotation, Source.CONTEXT, null, rawType, type);
      }
      if (annotation instanceof PathParam) {
        String name = ((PathParam) annotation).value();
        return new Parameter(annotations, annotation, Source.PATH, name, rawType, type);
      }
      if (annotation instanceof QueryParam) {
        String name = ((QueryParam) annotation).value();
        return new Parameter(annotations, annotation, Source.QUERY, name, rawType, type);
      }
    }
    return new Parameter(annotations, null, Source.ENTITY, null, rawType, type);
  }

  public Source getSource() {
    return source;
  }

  public String getSourceName() {
    return sourceName;
  }

  public Class<?> getRawType() {
    return rawType;
  }

  public Type getType() {
    return type;
  }

  public boolean isEncoded() {
    return encoded;
  }

  public String getDefaultValue() {
    return defaultValue;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    Parameter parameter = (Parameter) o;
    return encoded == parameter.encoded
        && Arrays.equals(annotations, parameter.annotations)
        && Objects.equals(defaultValue, parameter.defaultValue)
        && Objects.equals(rawType, parameter.rawType)
        && source == parameter.source
        && Objects.equals(sourceAnnotation, parameter.sourceAnnotation)
        && Objects.equals(sourceName, parameter.sourceName)
        && Objects.equals(type, parameter.type);
  }

  @Override
  public int hashCode() {
    int result = annotations != null ? Arrays.hashCode(annotations) : 0;
    result = 31 * result + (sourceAnnotation != null ? sourceAnnotation.hashCode() : 0);
    result = 31 * result + (source != null ? source.hashCode() : 0);
    result = 31 * result + (sourceName != null ? sourceName.hashCode() : 0);
    result = 31 * result + (encoded ? 1 : 0);
    result = 31 * result + (defaultValue != null ? defaultValue.hashCode() : 0);
    result = 31 * result + (rawType != null ? rawType.hashCode() : 0);
    result = 31 * result + (type != null ? type.hashCode() : 0);
    return result;
  }

  @Override
  public String toString() {
    return String.format(
        "Parameter [type=%s, source=%s, defaultValue=%s]", rawType, sourceName, defaultValue);
  }
}
