package io.oomguard.cases.caches;

import jakarta.annotation.PostConstruct;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whether a collection grows is decided by who calls the method that adds to it, across the classes
 * of the module, not by the method's name: a registry that start-up code fills is a table, whatever
 * its adder is called; the same adder called by a request handler grows with traffic.
 */
public final class GrowthByCallers {
  private GrowthByCallers() {}

  /** A job handler, registered by name. */
  interface JobHandler {
    void execute(String parameter);
  }

  /** A registry whose adder's name says nothing about start-up. */
  static class JobExecutor {
    private static final Map<String, JobHandler> HANDLERS = new ConcurrentHashMap<>();

    public static void registryJobHandler(String name, JobHandler handler) {
      HANDLERS.put(name, handler);
    }

    public static JobHandler loadJobHandler(String name) {
      return HANDLERS.get(name);
    }
  }

  /** Fills the registry once, when the application context is up. */
  @Component
  static class SpringJobExecutor extends JobExecutor implements SmartInitializingSingleton {
    @Override
    public void afterSingletonsInstantiated() {
      for (String name : List.of("report", "cleanup")) {
        registryJobHandler(name, parameter -> System.out.println(name + parameter));
      }
    }
  }

  /** A task list filled through add(Task) by a @PostConstruct in another class. */
  @Component
  static class Scheduler {
    private final List<Runnable> tasks = new CopyOnWriteArrayList<>();

    public void add(Runnable task) {
      tasks.add(task);
    }

    public void runAll() {
      tasks.forEach(Runnable::run);
    }
  }

  /** Registers its tasks at start-up. */
  @Service
  static class SchedulerConfig {
    private final Scheduler scheduler;

    SchedulerConfig(Scheduler scheduler) {
      this.scheduler = scheduler;
    }

    @PostConstruct
    void registerTasks() {
      scheduler.add(() -> System.out.println("tick"));
    }
  }

  /** A package-private adder that nothing in the module calls. */
  @Service
  static class Plugins {
    private final Map<String, Consumer<String>> byName = new ConcurrentHashMap<>();

    void addPlugin(String name, Consumer<String> plugin) {
      byName.put(name, plugin);
    }

    Consumer<String> plugin(String name) {
      return byName.get(name);
    }
  }

  // ---- the same shapes, called per request: reported ----

  /** A listener registry every request adds to and nothing removes from. */
  @Service
  static class EventBus {
    // BUG: Diagnostic contains: `add` in `EventBus.register`
    private final List<Consumer<String>> listeners = new ArrayList<>();

    public synchronized void register(Consumer<String> listener) {
      listeners.add(listener);
    }

    public synchronized void publish(String event) {
      listeners.forEach(listener -> listener.accept(event));
    }
  }

  /** Subscribes a fresh listener on every request: the bus keeps them all. */
  @RestController
  static class NotificationController {
    private final EventBus bus;

    NotificationController(EventBus bus) {
      this.bus = bus;
    }

    @PostMapping("/subscriptions")
    void subscribe(@RequestBody String client) {
      bus.register(event -> System.out.println(client + event));
    }
  }

  /**
   * A cache filled per request whose only removal is a clearCache() method nothing in the module
   * calls: an operator may call it, traffic never does.
   */
  @Service
  static class ViewResolver {
    // BUG: Diagnostic contains: `ViewResolver.resolve`
    private final Map<String, String> views = new ConcurrentHashMap<>();

    public String resolve(String name) {
      return views.computeIfAbsent(name, n -> "/WEB-INF/" + n + ".jsp");
    }

    public void clearCache() {
      views.clear();
    }

    public void removeFromCache(String name) {
      views.remove(name);
    }
  }

  /** Resolves a view named after the record it shows. */
  @RestController
  static class RecordController {
    private final ViewResolver resolver;

    RecordController(ViewResolver resolver) {
      this.resolver = resolver;
    }

    @GetMapping("/records/{id}")
    String show(@PathVariable String id) {
      return resolver.resolve("redirect:/records/" + id);
    }
  }

  // ---- removal that callers do run: no finding ----

  /** Where client settings are stored (a repository). */
  interface ClientStore {
    String url(String id);

    void save(String id, String url);
  }

  /**
   * Entries removed when the data they were made from changes: the update is an API of the module
   * that other modules call, and it does real work besides the removal, so it is not a manual
   * clearCache().
   */
  @Service
  static class ClientCache {
    private final Map<String, StringBuilder> clients = new ConcurrentHashMap<>();
    private final ClientStore store;

    ClientCache(ClientStore store) {
      this.store = store;
    }

    public StringBuilder client(String id) {
      return clients.computeIfAbsent(id, key -> new StringBuilder(store.url(key)));
    }

    public void updateUrl(String id, String url) {
      store.save(id, url);
      clients.remove(id);
    }
  }

  /** Reads through the cache per request. */
  @RestController
  static class ClientController {
    private final ClientCache cache;

    ClientController(ClientCache cache) {
      this.cache = cache;
    }

    @GetMapping("/clients/{id}")
    String client(@PathVariable String id) {
      return cache.client(id).toString();
    }
  }
}
