package io.oomguard.checker.executors;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

final class SpawnTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(LifecycleProbe.class, getClass());

  @Test
  void threadStarts() {
    helper
        .addSourceLines(
            "Starts.java",
            "import java.util.concurrent.ThreadFactory;",
            "class Starts {",
            "  private final Thread worker = new Thread(() -> {});",
            "  static final class Pump extends Thread {",
            "    Pump() {",
            "      start();",
            "    }",
            "  }",
            "  Thread createWorker() {",
            "    return new Thread(() -> {});",
            "  }",
            "  void starts(ThreadFactory factory, Thread given) {",
            "    // BUG: Diagnostic contains: PLATFORM_THREAD `new Thread(...).start()`",
            "    new Thread(() -> {}).start();",
            "    Thread local = new Thread(() -> {});",
            "    // BUG: Diagnostic contains: PLATFORM_THREAD thread `local`",
            "    local.start();",
            "    // BUG: Diagnostic contains: PLATFORM_THREAD `factory.newThread(() -> {}).start()`",
            "    factory.newThread(() -> {}).start();",
            "    // BUG: Diagnostic contains: PLATFORM_THREAD `new Pump(...).start()`",
            "    new Pump().start();",
            "    worker.start();",
            "    given.start();",
            "    Thread alias = this.worker;",
            "    alias.start();",
            "    for (Thread each : java.util.List.of(given)) {",
            "      each.start();",
            "    }",
            "    java.util.List.of(given).get(0).start();",
            "    Thread made = createWorker();",
            "    // BUG: Diagnostic contains: PLATFORM_THREAD thread `made`",
            "    made.start();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void poolsAndTimers() {
    helper
        .addSourceLines(
            "Pools.java",
            "import java.util.Timer;",
            "import java.util.concurrent.*;",
            "class Pools {",
            "  void create() {",
            "    // BUG: Diagnostic contains: POOL `Executors.newFixedThreadPool(...)`",
            "    Executors.newFixedThreadPool(2).shutdown();",
            "    // BUG: Diagnostic contains: POOL `Executors.newCachedThreadPool()`",
            "    Executors.newCachedThreadPool().shutdown();",
            "    // BUG: Diagnostic contains: POOL `new ScheduledThreadPoolExecutor(...)`",
            "    new ScheduledThreadPoolExecutor(1).shutdown();",
            "    // BUG: Diagnostic contains: POOL `new ForkJoinPool(...)`",
            "    new ForkJoinPool(2).shutdown();",
            "    // BUG: Diagnostic contains: POOL `new ThreadPoolExecutor(...)`",
            "    new ThreadPoolExecutor(1, 1, 0L, TimeUnit.SECONDS, new SynchronousQueue<>()) {",
            "    }.shutdown();",
            "    // BUG: Diagnostic contains: TIMER `new Timer(...)`",
            "    new Timer(true).cancel();",
            "    Executors.defaultThreadFactory();",
            "    Executors.unconfigurableExecutorService(null);",
            "    ForkJoinPool.commonPool();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_21)
  void virtualThreads() {
    helper
        .addSourceLines(
            "Virtual.java",
            "import java.util.concurrent.*;",
            "class Virtual {",
            "  void create(Runnable task) {",
            "    // BUG: Diagnostic contains: VIRTUAL_THREAD `Thread.startVirtualThread(...)`",
            "    Thread.startVirtualThread(task);",
            "    // BUG: Diagnostic contains: VIRTUAL_THREAD `Thread.ofVirtual()...start(...)`",
            "    Thread.ofVirtual().name(\"v\").start(task);",
            "    // BUG: Diagnostic contains: PLATFORM_THREAD `Thread.ofPlatform()...start(...)`",
            "    Thread.ofPlatform().daemon().start(task);",
            "    Thread unstarted = Thread.ofVirtual().unstarted(task);",
            "    // BUG: Diagnostic contains: VIRTUAL_THREAD thread `unstarted`",
            "    unstarted.start();",
            "    // BUG: Diagnostic contains: POOL `Executors.newVirtualThreadPerTaskExecutor()`",
            "    Executors.newVirtualThreadPerTaskExecutor().close();",
            "  }",
            "}")
        .doTest();
  }
}
