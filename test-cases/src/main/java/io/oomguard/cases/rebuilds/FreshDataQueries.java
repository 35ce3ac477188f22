package io.oomguard.cases.rebuilds;

import static java.util.stream.Collectors.toMap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Collections built per request from data that may differ between calls, found on real services:
 * results of services and repositories, defensive copies of state that run-time code changes, views
 * of a registry's live state, copies made by a value object made per request. None is a rebuild of
 * the same data.
 */
@RestController
public class FreshDataQueries {
  public record Order(String id, String customer, long cents) {}

  public interface OrderRepository {
    List<Order> findAll();
  }

  public interface HealthCheck {
    String name();

    boolean healthy();
  }

  public record Service(String name, String url) {}

  /** A hand-rolled registry, filled as services come and go. */
  public static final class Registry {
    private static final Registry INSTANCE = new Registry();
    private final Map<String, Service> services = new ConcurrentHashMap<>();

    private Registry() {}

    public static Registry instance() {
      return INSTANCE;
    }

    public void register(Service service) {
      services.put(service.name(), service);
    }

    public void unregister(String name) {
      services.remove(name);
    }

    public Map<String, Service> services() {
      return services;
    }
  }

  /** A value object: each request makes its own, so its fields differ from call to call. */
  public static final class Query {
    private final Map<String, String> parameters;

    Query(Map<String, String> parameters) {
      this.parameters = parameters;
    }

    Query with(String key, String value) {
      Map<String, String> copy = new TreeMap<>(parameters);
      copy.put(key, value);
      return new Query(copy);
    }

    Map<String, String> parameters() {
      return parameters;
    }
  }

  private final OrderRepository orders;
  private final List<HealthCheck> checks;
  private final Map<String, Order> recent = new ConcurrentHashMap<>();

  public FreshDataQueries(OrderRepository orders, List<HealthCheck> checks) {
    this.orders = orders;
    this.checks = checks;
  }

  // Quiet: what each health check answers is fresh on every call.
  @GetMapping("/health")
  public Map<String, Boolean> health() {
    Map<String, Boolean> results = new LinkedHashMap<>(checks.size() * 2);
    for (HealthCheck check : checks) {
      results.put(check.name(), check.healthy());
    }
    return results;
  }

  // Quiet: a repository returns fresh data.
  @GetMapping("/orders")
  public Map<String, Order> byId() {
    return orders.findAll().stream().collect(toMap(Order::id, Function.identity()));
  }

  // Quiet: a copy made to sort a fresh result.
  @GetMapping("/orders/sorted")
  public List<Order> sorted() {
    List<Order> all = new ArrayList<>(orders.findAll());
    all.sort(Comparator.comparing(Order::cents));
    return all;
  }

  // Quiet: a copy made to freeze a fresh result.
  @GetMapping("/orders/frozen")
  public List<Order> frozen() {
    return List.copyOf(orders.findAll());
  }

  @PostMapping("/recent")
  public void remember(@RequestBody Order order) {
    if (recent.size() < 100) {
      recent.put(order.id(), order);
    }
  }

  // Quiet: a defensive copy of a map that run-time code changes.
  @GetMapping("/recent")
  public Map<String, Order> recent() {
    return new HashMap<>(recent);
  }

  // Quiet: the registry's live state, mapped through its getter.
  @GetMapping("/services")
  public List<String> services() {
    return Registry.instance().services().values().stream().map(Service::url).toList();
  }

  // Quiet: the query's parameters are the request's.
  @GetMapping("/search")
  public Map<String, String> search(@RequestParam String text) {
    return new Query(Map.of("text", text)).with("page", "1").parameters();
  }
}
