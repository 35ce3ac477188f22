package hotpath;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/orders")
class SpringHandlers {
  static void probe() {}

  @GetMapping("/{id}")
  String get(@PathVariable String id) {
    // BUG: Diagnostic contains: hot in request handler `SpringHandlers.get` (GET /orders/{id})
    probe();
    Supplier<String> later = () -> {
      // BUG: Diagnostic contains: hot in request handler `SpringHandlers.get` (GET /orders/{id})
      probe();
      return id;
    };
    return later.get();
  }

  @PostMapping
  void create() {
    // BUG: Diagnostic contains: hot in request handler `SpringHandlers.create` (POST /orders)
    probe();
  }

  @RequestMapping(path = "/bulk", method = RequestMethod.PUT)
  void bulk() {
    // BUG: Diagnostic contains: hot in request handler `SpringHandlers.bulk` (PUT /orders/bulk)
    probe();
  }

  @GetJson("/latest")
  List<String> latest() {
    // BUG: Diagnostic contains: hot in request handler `SpringHandlers.latest` (GET /orders/latest)
    probe();
    return List.of();
  }

  /** Not a handler: nothing calls it from one. */
  void adminOnly() {
    probe();
  }

  static String format(String value) {
    probe();
    return value;
  }

  /** A composed annotation, as teams write them: meta-annotated with @RequestMapping. */
  @Retention(RetentionPolicy.RUNTIME)
  @RequestMapping(method = RequestMethod.GET, produces = "application/json")
  @interface GetJson {
    String[] value() default {};
  }
}
