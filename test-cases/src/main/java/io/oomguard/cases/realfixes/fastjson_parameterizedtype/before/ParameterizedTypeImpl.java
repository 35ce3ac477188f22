package io.oomguard.cases.realfixes.fastjson_parameterizedtype.before;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;

/** fastjson's public ParameterizedType implementation; equal by value. */
public class ParameterizedTypeImpl implements ParameterizedType {
  private final Type[] actualTypeArguments;
  private final Type ownerType;
  private final Type rawType;

  public ParameterizedTypeImpl(Type[] actualTypeArguments, Type ownerType, Type rawType) {
    this.actualTypeArguments = actualTypeArguments;
    this.ownerType = ownerType;
    this.rawType = rawType;
  }

  @Override
  public Type[] getActualTypeArguments() {
    return actualTypeArguments;
  }

  @Override
  public Type getOwnerType() {
    return ownerType;
  }

  @Override
  public Type getRawType() {
    return rawType;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    ParameterizedTypeImpl that = (ParameterizedTypeImpl) o;
    return Arrays.equals(actualTypeArguments, that.actualTypeArguments)
        && (ownerType != null ? ownerType.equals(that.ownerType) : that.ownerType == null)
        && (rawType != null ? rawType.equals(that.rawType) : that.rawType == null);
  }

  @Override
  public int hashCode() {
    int result = actualTypeArguments != null ? Arrays.hashCode(actualTypeArguments) : 0;
    result = 31 * result + (ownerType != null ? ownerType.hashCode() : 0);
    result = 31 * result + (rawType != null ? rawType.hashCode() : 0);
    return result;
  }
}
