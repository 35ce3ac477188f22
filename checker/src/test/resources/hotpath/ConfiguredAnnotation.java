package hotpath;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

class ConfiguredAnnotation {
  static void probe() {}

  @Retention(RetentionPolicy.RUNTIME)
  @interface Job {}

  @Job
  void runJob() {
    // BUG: Diagnostic contains: hot in entry point @Job `ConfiguredAnnotation.runJob`
    probe();
  }

  void schedule() {
    probe();
  }
}
