package hotpath;

import jakarta.annotation.PostConstruct;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SameClassPropagation {
  static void probe() {}

  @GetMapping("/report")
  String report() {
    render("header");
    Totals totals = new Totals();
    totals.add(1);
    Runnable callback =
        new Runnable() {
          @Override
          public void run() {
            // BUG: Diagnostic contains: hot in `anonymous Runnable.run`, reached from request handler `SameClassPropagation.report` (GET /report)
            probe();
          }
        };
    callback.run();
    return "";
  }

  private String render(String section) {
    // BUG: Diagnostic contains: hot in `SameClassPropagation.render`, reached from request handler `SameClassPropagation.report` (GET /report) via `SameClassPropagation.report → SameClassPropagation.render`
    probe();
    return escape(section);
  }

  private String escape(String text) {
    // BUG: Diagnostic contains: via `SameClassPropagation.report → SameClassPropagation.render → SameClassPropagation.escape`
    probe();
    return text;
  }

  /** An overload the handler never calls: not hot. */
  private String render(int section) {
    probe();
    return String.valueOf(section);
  }

  @PostConstruct
  void warmUp() {
    preload(List.of("a"));
  }

  /** Called only at start-up: not hot. */
  private void preload(List<String> keys) {
    probe();
  }

  static final class Totals {
    Totals() {
      // BUG: Diagnostic contains: hot in `Totals.Totals`, reached from request handler `SameClassPropagation.report`
      probe();
    }

    void add(int amount) {
      // BUG: Diagnostic contains: hot in `Totals.add`, reached from request handler `SameClassPropagation.report`
      probe();
    }

    void reset() {
      probe();
    }
  }
}
