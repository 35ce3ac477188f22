package io.oomguard.checker;

import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * The position of a {@link Description}, whichever Error Prone runs. {@code Description.position}
 * is javac's {@code DiagnosticPosition} up to Error Prone 2.42 and Error Prone's own {@code
 * ErrorPronePosition} in later releases: a checker compiled against one release and reading the
 * field directly fails with {@link NoSuchFieldError} under the other (the compatibility leg of CI
 * found it: every finding with a fix was lost). The field and the calls on it are looked up at run
 * time, through the field's declared type, which both releases make public.
 */
final class DescriptionPositions {
  private static final Field POSITION = positionField();
  private static final Method START = Linkage.method(POSITION.getType(), "getStartPosition");

  private DescriptionPositions() {}

  /** Where {@code description} starts, as an offset into the source. */
  static int start(Description description) {
    return (Integer) Linkage.invoke(START, position(description));
  }

  /** A builder for a description of {@code check} at {@code description}'s position. */
  static Description.Builder builder(BugChecker check, Description description) {
    Object position = position(description);
    for (Method method : BugChecker.class.getMethods()) {
      if (method.getName().equals("buildDescription")
          && method.getParameterCount() == 1
          && method.getParameterTypes()[0].isInstance(position)) {
        return (Description.Builder) Linkage.invoke(method, check, position);
      }
    }
    throw new LinkageError("BugChecker has no buildDescription for " + POSITION.getType());
  }

  private static Object position(Description description) {
    try {
      return POSITION.get(description);
    } catch (IllegalAccessException e) {
      throw new LinkageError("cannot read Description.position", e);
    }
  }

  private static Field positionField() {
    try {
      return Description.class.getField("position");
    } catch (NoSuchFieldException e) {
      throw new LinkageError("Description has no position field", e);
    }
  }
}
