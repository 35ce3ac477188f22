package io.oomguard.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as an entry point that runs per request or per item, so that oomguard treats its
 * body, and the same-class methods it calls, as hot code.
 *
 * <p>Use it for entry points oomguard does not know: a hand-written dispatcher, a message handler
 * of an in-house framework, a batch step called for every record. Frameworks whose annotations
 * oomguard already knows (Spring MVC, JAX-RS, Servlets, Kafka listeners, ...) need nothing.
 * Projects with their own entry-point annotation can name it with {@code
 * -XepOpt:OomGuard:HotPathAnnotations=com.example.Handler} instead of annotating every method.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface HotPath {
  /** Optional description of what the method handles, shown in findings (e.g. "per order"). */
  String value() default "";
}
