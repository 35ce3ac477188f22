package hotpath;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lambdas and anonymous classes a loop only creates (handed to an executor or a thread, passed to a
 * constructor, stored in a field, returned) are declared there, not called there: their bodies do
 * not run per iteration of that loop. Ones the loop calls, or hands to an iteration method or a
 * method that calls them at once, do.
 */
@RestController
class CreatedNotCalled {
  static int probe() {
    return 0;
  }

  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private Runnable pending;

  void submitAll(List<String> items) {
    for (String item : items) {
      pool.execute(
          () -> {
            probe();
          });
      pool.submit(() -> probe());
      new Thread(() -> probe()).start();
      CompletableFuture.runAsync(() -> probe()).thenRun(() -> probe());
      pool.execute(this::afterTask);
      Runnable later = () -> probe();
      pool.execute(later);
    }
  }

  /** Reached only from tasks submitted in a loop: not hot. */
  void afterTask() {
    probe();
  }

  void wrapAll(List<Runnable> tasks) {
    for (Runnable task : tasks) {
      Runnable wrapped =
          new Runnable() {
            @Override
            public void run() {
              task.run();
              probe();
              afterTask();
            }
          };
      pool.execute(wrapped);
    }
  }

  /** Undertow's SslConduit: the task is run inline on one branch, so the loop does call it. */
  void runOrSubmit(List<Runnable> tasks, boolean inline) {
    for (Runnable task : tasks) {
      Runnable wrapped =
          new Runnable() {
            @Override
            public void run() {
              task.run();
              // BUG: Diagnostic contains: hot in `anonymous Runnable.run`, called inside a loop in `CreatedNotCalled.runOrSubmit`
              probe();
              pool.execute(
                  new Runnable() {
                    @Override
                    public void run() {
                      probe();
                    }
                  });
            }
          };
      if (inline) {
        wrapped.run();
      } else {
        pool.execute(wrapped);
      }
    }
  }

  /** Undertow's access-log parser: a loop calls a factory that returns an anonymous class. */
  List<Supplier<String>> parse(List<String> tokens) {
    List<Supplier<String>> attributes = new ArrayList<>();
    for (String token : tokens) {
      attributes.add(attribute(token));
      attributes.add(quoted(token));
    }
    return attributes;
  }

  Supplier<String> attribute(String token) {
    // BUG: Diagnostic contains: hot in `CreatedNotCalled.attribute`, called inside a loop in `CreatedNotCalled.parse`
    probe();
    return new Supplier<String>() {
      @Override
      public String get() {
        probe();
        return token;
      }
    };
  }

  Supplier<String> quoted(String token) {
    Supplier<String> quoting =
        new Quoting(
            new Supplier<String>() {
              @Override
              public String get() {
                probe();
                return token;
              }
            });
    return quoting;
  }

  static final class Quoting implements Supplier<String> {
    private final Supplier<String> inner;

    Quoting(Supplier<String> inner) {
      this.inner = inner;
    }

    @Override
    public String get() {
      return "\"" + inner.get() + "\"";
    }
  }

  void remember(List<String> names) {
    for (String name : names) {
      pending = () -> probe();
    }
  }

  void index(List<String> names, Map<String, List<String>> byFirst) {
    for (String name : names) {
      byFirst.computeIfAbsent(
          name.substring(0, 1),
          k -> {
            // BUG: Diagnostic contains: hot inside a loop in `CreatedNotCalled.index`
            probe();
            return new ArrayList<>();
          });
      Runnable now =
          () -> {
            // BUG: Diagnostic contains: hot inside a loop in `CreatedNotCalled.index`
            probe();
          };
      now.run();
    }
    names.forEach(
        name ->
            pool.execute(
                () -> {
                  probe();
                }));
    names.forEach(
        name -> {
          // BUG: Diagnostic contains: hot inside a lambda run per element by `forEach`
          probe();
        });
  }

  void drainAll(List<String> queues) {
    for (String queue : queues) {
      drainOne(queue);
    }
  }

  void drainOne(String queue) {
    // BUG: Diagnostic contains: hot in `CreatedNotCalled.drainOne`, called inside a loop in `CreatedNotCalled.drainAll`
    probe();
    pool.execute(() -> probe());
  }

  /** A task a request handler submits runs once per request: still hot. */
  @GetMapping("/export")
  void export() {
    pool.execute(
        () -> {
          // BUG: Diagnostic contains: hot in request handler `CreatedNotCalled.export` (GET /export)
          probe();
        });
    pool.execute(
        new Runnable() {
          @Override
          public void run() {
            // BUG: Diagnostic contains: hot in `anonymous Runnable.run`, reached from request handler `CreatedNotCalled.export`
            probe();
          }
        });
  }
}
