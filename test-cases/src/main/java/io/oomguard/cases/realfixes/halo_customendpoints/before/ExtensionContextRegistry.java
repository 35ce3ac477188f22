package io.oomguard.cases.realfixes.halo_customendpoints.before;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.springframework.context.support.GenericApplicationContext;

/** Hand-rolled singleton holding the application context of every started plugin. */
public final class ExtensionContextRegistry {
  private static final ExtensionContextRegistry INSTANCE = new ExtensionContextRegistry();

  private final Map<String, GenericApplicationContext> contexts = new ConcurrentHashMap<>();
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  public static ExtensionContextRegistry getInstance() {
    return INSTANCE;
  }

  /** Called when a plugin starts. */
  public void register(String pluginId, GenericApplicationContext context) {
    contexts.put(pluginId, context);
  }

  /** Called when a plugin stops. */
  public void remove(String pluginId) {
    contexts.remove(pluginId);
  }

  public List<GenericApplicationContext> getPluginApplicationContexts() {
    return List.copyOf(contexts.values());
  }

  public void acquireReadLock() {
    lock.readLock().lock();
  }

  public void releaseReadLock() {
    lock.readLock().unlock();
  }
}
