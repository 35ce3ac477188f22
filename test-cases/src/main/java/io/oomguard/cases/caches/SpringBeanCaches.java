package io.oomguard.cases.caches;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Instance fields of Spring singletons live as long as the application: a map there that grows per
 * request is as dangerous as a static one. Prototype beans and maps filled at start-up are fine.
 */
public final class SpringBeanCaches {
  private SpringBeanCaches() {}

  record Order(long id, String customer) {}

  /** A service memoizing every order it ever loaded. */
  @Service
  static class OrderService {
    // BUG: Diagnostic contains: field `orders` of the Spring bean `OrderService` only grows
    private final Map<Long, Order> orders = new ConcurrentHashMap<>();

    Order find(long id) {
      return orders.computeIfAbsent(id, this::load);
    }

    private Order load(long id) {
      return new Order(id, "customer-" + id);
    }
  }

  /** A controller keeping a search history per user, appended to on every request. */
  @RestController
  static class SearchController {
    // BUG: Diagnostic contains: `SearchController.search`
    private final Map<String, List<String>> historyByUser = new HashMap<>();

    @GetMapping("/search/{user}")
    synchronized List<String> search(@PathVariable String user, String query) {
      historyByUser.computeIfAbsent(user, u -> new ArrayList<>()).add(query);
      return historyByUser.get(user);
    }
  }

  /** Audit events queued for a consumer that was never written. */
  @Component
  static class AuditTrail {
    // BUG: Diagnostic contains: field `pending`
    private final Queue<String> pending = new ConcurrentLinkedQueue<>();

    @PostMapping("/audit")
    void record(@RequestBody String event) {
      pending.offer(event.strip());
    }
  }

  /**
   * A repository that keeps everything it saved, keyed by a generated string: it only stores what
   * its caller hands in, but the caller is a request handler, so it grows with traffic.
   */
  @Repository
  static class InMemoryCustomerRepository {
    // BUG: Diagnostic contains: `put` in `InMemoryCustomerRepository.save`
    private final Map<String, String> customers = new ConcurrentHashMap<>();

    String save(String name) {
      String key = name.toLowerCase() + "@" + name.length();
      customers.put(key, name);
      return key;
    }
  }

  /** The handler that saves a customer per request. */
  @RestController
  static class CustomerController {
    private final InMemoryCustomerRepository repository;

    CustomerController(InMemoryCustomerRepository repository) {
      this.repository = repository;
    }

    @PostMapping("/customers")
    String create(@RequestBody String name) {
      return repository.save(name);
    }
  }

  /** Cleared only when the application shuts down: that bounds nothing while it runs. */
  @Service
  static class TokenIntrospector {
    // BUG: Diagnostic contains: `TokenIntrospector.introspect`
    private final Map<String, String> subjects = new ConcurrentHashMap<>();

    String introspect(String token) {
      return subjects.computeIfAbsent(token, t -> "subject-of-" + t.hashCode());
    }

    @PreDestroy
    void shutdown() {
      subjects.clear();
    }
  }

  // ---- bounded or short-lived: no finding ----

  /** Filled once in @PostConstruct; read-only afterwards. */
  @Service
  static class CurrencyService {
    private final Map<String, Integer> decimals = new HashMap<>();

    @PostConstruct
    void loadCurrencies() {
      decimals.put("EUR", 2);
      decimals.put("JPY", 0);
      for (String code : List.of("USD", "GBP")) {
        decimals.put(code, 2);
      }
    }

    int decimals(String currency) {
      return decimals.getOrDefault(currency, 2);
    }
  }

  /** Filled in afterPropertiesSet, Spring's other start-up callback. */
  @Component
  static class RoutingTable implements InitializingBean {
    private final Map<String, String> routes = new ConcurrentHashMap<>();

    @Override
    public void afterPropertiesSet() {
      routes.put("/orders", "order-service");
      routes.putAll(Map.of("/users", "user-service"));
    }

    String route(String path) {
      return routes.get(path);
    }
  }

  /** A prototype bean: one per use, collected with its owner. */
  @Component
  @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
  static class ReportBuilder {
    private final Map<String, Long> totals = new HashMap<>();

    void add(String account, long amount) {
      totals.merge(account, amount, Long::sum);
    }
  }

  /** The queue is drained by a scheduled consumer. */
  @Component
  static class MetricsBuffer {
    private final Queue<String> samples = new ConcurrentLinkedQueue<>();

    void sample(String metric) {
      samples.offer(metric);
    }

    @Scheduled(fixedDelay = 10_000)
    void flush() {
      String sample;
      while ((sample = samples.poll()) != null) {
        System.out.println(sample);
      }
    }
  }

  /** The map comes from outside; its owner decides how it is bounded. */
  @Service
  static class TenantSettings {
    private final Map<String, String> settings;

    TenantSettings(Map<String, String> settings) {
      this.settings = settings;
    }

    void set(String key, String value) {
      settings.put(key, value);
    }
  }

  /** Cleared on a schedule. */
  @Service
  static class QuoteService {
    private final Map<String, Double> quotes = new ConcurrentHashMap<>();

    double quote(String symbol) {
      return quotes.computeIfAbsent(symbol, s -> (double) s.hashCode());
    }

    @Scheduled(cron = "0 0 * * * *")
    void evictAll() {
      quotes.clear();
    }
  }

  /** Not a singleton: a plain object whose map dies with it. */
  static class ShoppingCart {
    private final Map<String, Integer> quantities = new HashMap<>();

    void add(String sku) {
      quantities.merge(sku, 1, Integer::sum);
    }
  }
}
