/*
 * Modeled on Apache Dubbo, PR https://github.com/apache/dubbo/pull/7005 ("fix AbstractRegistryFactory
 * bug: Remove timestamp from key to prevent the creation of multiple registries"), commit
 * aeed39e71f1d7f2d3dec13ee425d261c91d930c3.
 *
 * The registry factory (an SPI singleton) keeps one Registry per registry URL in a static map.
 * Registry URLs are stamped with timestamp=System.currentTimeMillis() when a reference or service
 * is configured (ConfigValidationUtils/appendRuntimeParameters), and NacosRegistryFactory keys the
 * map by url.toFullString(), parameters included. Every new reference therefore missed the map and
 * created another NacosRegistry with its own naming service, and the map grew until OOM.
 */
package io.oomguard.cases.realfixes.dubbo_registrycachekey.before;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/** Creates registries on demand and keeps one per registry address (SPI, singleton). */
public abstract class AbstractRegistryFactory implements RegistryFactory {

  protected static final ReentrantLock LOCK = new ReentrantLock();

  protected static final Map<String, Registry> REGISTRIES = new HashMap<>();

  public static final String EXPORT_KEY = "export";
  public static final String REFER_KEY = "refer";
  public static final String INTERFACE_KEY = "interface";

  @Override
  public Registry getRegistry(URL url) {
    url =
        url.setPath(RegistryService.class.getName())
            .addParameter(INTERFACE_KEY, RegistryService.class.getName())
            .removeParameters(EXPORT_KEY, REFER_KEY);
    String key = createRegistryCacheKey(url);
    // Lock the registry access process to ensure a single instance of the registry
    LOCK.lock();
    try {
      Registry registry = REGISTRIES.get(key);
      if (registry != null) {
        return registry;
      }
      registry = createRegistry(url);
      if (registry == null) {
        throw new IllegalStateException("Can not create registry " + url);
      }
      // BUG: Diagnostic contains: NonRepeatingCacheKey
      REGISTRIES.put(key, registry);
      return registry;
    } finally {
      LOCK.unlock();
    }
  }

  /** The cache key of a registry URL; subclasses may choose a different one. */
  protected String createRegistryCacheKey(URL url) {
    return url.toServiceStringWithoutResolving();
  }

  protected abstract Registry createRegistry(URL url);

  /** Called on shutdown: destroys every registry. */
  public static void destroyAll() {
    LOCK.lock();
    try {
      for (Registry registry : REGISTRIES.values()) {
        registry.destroy();
      }
      REGISTRIES.clear();
    } finally {
      LOCK.unlock();
    }
  }
}
