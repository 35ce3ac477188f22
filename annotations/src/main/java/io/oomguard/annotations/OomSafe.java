package io.oomguard.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that the annotated code is safe from the growth patterns oomguard reports, and says why.
 *
 * <p>Every oomguard check is suppressed inside the annotated declaration. The reason is mandatory
 * and is kept in the class file so that reviewers and tools can read it; a blank reason is itself
 * reported by the {@code OomSafeWithoutReason} check.
 *
 * <pre>{@code
 * @OomSafe("keys are tenant ids; at most 40 tenants per deployment")
 * private static final Map<String, TenantConfig> CONFIGS = new ConcurrentHashMap<>();
 * }</pre>
 *
 * <p>To silence one check only, use {@code @SuppressWarnings("CheckName")} instead.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({
  ElementType.TYPE,
  ElementType.METHOD,
  ElementType.CONSTRUCTOR,
  ElementType.FIELD,
  ElementType.LOCAL_VARIABLE,
  ElementType.PARAMETER
})
public @interface OomSafe {
  /**
   * Why the annotated code cannot grow without bound, for example {@code "at most 12 regions"}.
   * Must not be blank.
   */
  String value();
}
