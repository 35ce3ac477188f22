package io.oomguard.cases.rebuilds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * Shapes found in real servers (Jetty, Undertow) where a collection is rebuilt from fields in code
 * a loop reaches, and that is right: a snapshot taken under a lock, derived state refreshed after a
 * change, and a per-item accessor called on each item of a loop.
 */
public class ServerHousekeeping {

  /** A shutdown monitor: each command read in its loop stops the registered components. */
  public static class ShutdownMonitor {
    private final ReentrantLock lock = new ReentrantLock();
    private final List<AutoCloseable> components = new ArrayList<>();

    public void serve(List<String> commands) throws Exception {
      for (String command : commands) {
        if (command.equals("stop")) {
          stopComponents();
        }
      }
    }

    // Quiet: a snapshot taken under the lock (declared first, assigned inside), only iterated.
    private void stopComponents() throws Exception {
      List<AutoCloseable> snapshot;
      lock.lock();
      try {
        snapshot = new ArrayList<>(components);
      } finally {
        lock.unlock();
      }
      for (AutoCloseable component : snapshot) {
        component.close();
      }
    }
  }

  /** A path matcher that keeps the distinct template lengths, longest first, for fast lookups. */
  public static class PathTemplates {
    private final Map<String, Runnable> templates = new ConcurrentHashMap<>();
    private int[] lengths = new int[0];

    public void addAll(Map<String, Runnable> more) {
      for (Map.Entry<String, Runnable> entry : more.entrySet()) {
        add(entry.getKey(), entry.getValue());
      }
    }

    public void add(String template, Runnable handler) {
      templates.put(template, handler);
      buildLengths();
    }

    // Quiet: derived state refreshed after the change; the result is stored in a field.
    private void buildLengths() {
      Set<Integer> distinct = new TreeSet<>(Comparator.reverseOrder());
      for (String template : templates.keySet()) {
        distinct.add(template.length());
      }
      int[] sorted = new int[distinct.size()];
      int position = 0;
      for (int length : distinct) {
        sorted[position++] = length;
      }
      this.lengths = sorted;
    }

    public int[] lengths() {
      return lengths;
    }
  }

  /** Virtual-host branches: each branch answers with its own context paths. */
  public static class ContextBranches {
    private final List<Branch> branches = new ArrayList<>();

    public Set<String> contextPaths() {
      Set<String> all = new HashSet<>();
      for (Branch branch : branches) {
        all.addAll(branch.contextPaths());
      }
      return all;
    }

    static final class Branch {
      private final List<String> contexts = new ArrayList<>();

      // Quiet: called per item on a different branch each time; its fields differ per call.
      Set<String> contextPaths() {
        return contexts.stream().map(String::trim).collect(Collectors.toSet());
      }
    }
  }
}
