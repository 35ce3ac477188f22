package io.oomguard.checker;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Calls into Error Prone APIs whose signatures differ between releases (2.42, the newest on JDK 17,
 * and later ones), looked up at run time so that one checker jar links against both: {@link
 * DescriptionPositions}, {@code fixes.EndPositions}. Whatever the called method throws is thrown as
 * is; a missing method is a {@link LinkageError}, which {@link Guard} turns into no finding.
 */
public final class Linkage {
  private Linkage() {}

  /** The public method {@code name} of {@code owner} with {@code parameters} parameters. */
  public static Method method(Class<?> owner, String name, int parameters) {
    for (Method method : owner.getMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == parameters) {
        return method;
      }
    }
    throw new LinkageError(owner.getName() + " has no " + name + " taking " + parameters);
  }

  /** The public method {@code name(parameterTypes)} of {@code owner}. */
  public static Method method(Class<?> owner, String name, Class<?>... parameterTypes) {
    try {
      return owner.getMethod(name, parameterTypes);
    } catch (NoSuchMethodException e) {
      throw new LinkageError(owner.getName() + " has no " + name, e);
    }
  }

  /** Calls {@code method}, rethrowing what it throws. */
  public static Object invoke(Method method, Object receiver, Object... arguments) {
    try {
      return method.invoke(receiver, arguments);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    } catch (IllegalAccessException e) {
      throw new LinkageError("cannot call " + method, e);
    }
  }
}
