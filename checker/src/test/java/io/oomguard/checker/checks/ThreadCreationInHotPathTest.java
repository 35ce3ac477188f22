package io.oomguard.checker.checks;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.errorprone.CompilationTestHelper;
import io.oomguard.checker.hotpath.HotMethodIndex;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;

final class ThreadCreationInHotPathTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ThreadCreationInHotPath.class, getClass());

  @Test
  void sharedExecutorAndStartupThreads_noFinding() {
    helper
        .addSourceLines(
            "Reports.java",
            "import java.util.List;",
            "import java.util.concurrent.*;",
            "import org.springframework.web.bind.annotation.*;",
            "@RestController",
            "class Reports {",
            "  private final ExecutorService workers = Executors.newFixedThreadPool(4);",
            "  private final Thread flusher;",
            "  private ExecutorService lazy;",
            "  Reports() {",
            "    flusher = new Thread(this::flush, \"flusher\");",
            "    flusher.start();",
            "  }",
            "  void start() {",
            "    for (int i = 0; i < 4; i++) {",
            "      new Thread(this::flush).start();",
            "    }",
            "  }",
            "  @PostMapping(\"/reports\")",
            "  void create(List<String> ids) {",
            "    for (String id : ids) {",
            "      workers.submit(() -> render(id));",
            "    }",
            "    if (lazy == null) {",
            "      lazy = Executors.newCachedThreadPool();",
            "    }",
            "  }",
            "  void render(String id) {}",
            "  void flush() {}",
            "}")
        .doTest();
  }

  @Test
  void threadsAndPoolsPerRequest_flagged() {
    helper
        .addSourceLines(
            "Reports.java",
            "import java.util.List;",
            "import java.util.Timer;",
            "import java.util.concurrent.*;",
            "import org.springframework.web.bind.annotation.*;",
            "@RestController",
            "class Reports {",
            "  @PostMapping(\"/reports\")",
            "  void create(String id) {",
            "    // BUG: Diagnostic contains: `new Thread(...).start()` starts a new platform thread"
                + " in request handler `Reports.create`",
            "    new Thread(() -> render(id)).start();",
            "  }",
            "  @GetMapping(\"/reports\")",
            "  void list(List<String> ids) throws Exception {",
            "    // BUG: Diagnostic contains: creates a new thread pool in request handler",
            "    ExecutorService pool = Executors.newFixedThreadPool(4);",
            "    try {",
            "      ids.forEach(id -> pool.execute(() -> render(id)));",
            "    } finally {",
            "      pool.shutdown();",
            "    }",
            "    // BUG: Diagnostic contains: java.util.Timer",
            "    Timer timer = new Timer();",
            "    timer.schedule(new java.util.TimerTask() { public void run() {} }, 1_000L);",
            "  }",
            "  void batch(List<String> ids) {",
            "    for (String id : ids) {",
            "      Thread worker = new Thread(() -> render(id));",
            "      // BUG: Diagnostic contains: thread `worker` starts a new platform thread inside a"
                + " loop",
            "      worker.start();",
            "    }",
            "  }",
            "  void render(String id) {}",
            "}")
        .doTest();
  }

  @Test
  void poolsEndedBeforeTheRequestReturns_noFinding() {
    helper
        .addSourceLines(
            "Reports.java",
            "import java.util.List;",
            "import java.util.Timer;",
            "import java.util.concurrent.*;",
            "import org.springframework.web.bind.annotation.*;",
            "@RestController",
            "class Reports {",
            "  @GetMapping(\"/reports\")",
            "  void list(List<Callable<String>> jobs) throws Exception {",
            "    ExecutorService pool = Executors.newFixedThreadPool(4);",
            "    try {",
            "      pool.invokeAll(jobs);",
            "    } finally {",
            "      pool.shutdown();",
            "    }",
            "    Timer timer = new Timer();",
            "    timer.cancel();",
            "  }",
            "  @GetMapping(\"/report\")",
            "  String one(Callable<String> job) throws Exception {",
            "    ExecutorService pool = Executors.newSingleThreadExecutor();",
            "    try {",
            "      return pool.submit(job).get(5, TimeUnit.SECONDS);",
            "    } finally {",
            "      pool.shutdownNow();",
            "    }",
            "  }",
            "  @GetMapping(\"/export\")",
            "  void export(List<Runnable> parts) throws Exception {",
            "    ExecutorService pool = Executors.newFixedThreadPool(2);",
            "    parts.forEach(pool::execute);",
            "    pool.shutdown();",
            "    pool.awaitTermination(1, TimeUnit.MINUTES);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void objectsMadePerRequestInAnotherClass_fieldPoolFlagged(@TempDir Path dir) throws IOException {
    // The module index says the constructor runs per request (made in another class's handler).
    Path index = dir.resolve("hot-methods.tsv");
    HotMethodIndex.of(
            ImmutableMap.of(
                HotMethodIndex.key("Monitor", "<init>", ImmutableList.of("String")),
                new HotMethodIndex.Entry(
                    "request handler",
                    "POST /repairs",
                    ImmutableList.of("RepairController.start", "Monitor.Monitor"))))
        .write(index);
    helper
        .addSourceLines(
            "Monitor.java",
            "import java.util.concurrent.*;",
            "class Monitor {",
            "  // BUG: Diagnostic contains: creates a new thread pool for every `Monitor`, and"
                + " `Monitor` objects are made in `Monitor.Monitor`, reached from request handler"
                + " `RepairController.start`",
            "  private final ScheduledExecutorService checks = Executors.newScheduledThreadPool(1);",
            "  private final String node;",
            "  Monitor(String node) {",
            "    this.node = node;",
            "  }",
            "}")
        .setArgs(ImmutableList.of("-XepOpt:OomGuard:HotMethodsFile=" + index))
        .doTest();
  }

  @Test
  void workerCountLoops_noFindingOutsideHotMethods() {
    helper
        .addSourceLines(
            "Workers.java",
            "import java.util.List;",
            "import org.springframework.web.bind.annotation.*;",
            "@RestController",
            "class Workers {",
            "  private static final int SHARDS = 4;",
            "  private final int consumers = 3;",
            "  void launch(int threads) {",
            "    for (int i = 0; i < threads; i++) {",
            "      new Thread(this::drain).start();",
            "    }",
            "    for (int i = 0; i < SHARDS; i++) {",
            "      Thread shard = new Thread(this::drain);",
            "      shard.start();",
            "    }",
            "    for (int i = 0; i < this.consumers; i++) {",
            "      new Thread(this::drain).start();",
            "    }",
            "  }",
            "  void perItem(List<String> items) {",
            "    for (int i = 0; i < items.size(); i++) {",
            "      // BUG: Diagnostic contains: inside a loop in `Workers.perItem`",
            "      new Thread(this::drain).start();",
            "    }",
            "  }",
            "  @PostMapping(\"/drain\")",
            "  void perRequest(@RequestParam int threads) {",
            "    for (int i = 0; i < threads; i++) {",
            "      // BUG: Diagnostic contains: in request handler `Workers.perRequest`",
            "      new Thread(this::drain).start();",
            "    }",
            "  }",
            "  void drain() {}",
            "}")
        .doTest();
  }

  @Test
  void localPoolShutDownOnEveryPath_noFinding() {
    helper
        .addSourceLines(
            "Batch.java",
            "import java.util.List;",
            "import java.util.concurrent.*;",
            "class Batch {",
            "  private ExecutorService kept;",
            "  void inFinally(List<Callable<String>> tasks) throws Exception {",
            "    ExecutorService pool = Executors.newFixedThreadPool(4);",
            "    try {",
            "      pool.invokeAll(tasks);",
            "    } finally {",
            "      pool.shutdownNow();",
            "    }",
            "  }",
            "  void straightLine(List<Runnable> tasks) throws InterruptedException {",
            "    ExecutorService pool = Executors.newFixedThreadPool(4);",
            "    tasks.forEach(pool::submit);",
            "    pool.shutdown();",
            "    pool.awaitTermination(1, TimeUnit.MINUTES);",
            "  }",
            "  ExecutorService returned() {",
            "    ExecutorService pool = Executors.newFixedThreadPool(4);",
            "    return pool;",
            "  }",
            "  void stored() {",
            "    ExecutorService pool = Executors.newSingleThreadExecutor();",
            "    kept = pool;",
            "  }",
            "  void handedOn() {",
            "    ExecutorService pool = Executors.newScheduledThreadPool(1);",
            "    register(pool);",
            "  }",
            "  void caughtThenShutDown(Future<String> f) {",
            "    ExecutorService pool = Executors.newFixedThreadPool(2);",
            "    try {",
            "      f.get();",
            "    } catch (InterruptedException | ExecutionException e) {",
            "      Thread.currentThread().interrupt();",
            "    }",
            "    pool.shutdown();",
            "  }",
            "  void shutDownBeforeRethrow(Future<String> f) {",
            "    ExecutorService pool = Executors.newFixedThreadPool(2);",
            "    try {",
            "      f.get();",
            "    } catch (InterruptedException | ExecutionException e) {",
            "      pool.shutdownNow();",
            "      throw new IllegalStateException(e);",
            "    }",
            "    pool.shutdown();",
            "  }",
            "  void cachedPoolThreadsExpire() {",
            "    Executors.newCachedThreadPool().submit(() -> {});",
            "  }",
            "  void onlyInterruptionSkipsShutdown(List<Callable<String>> tasks) {",
            "    ExecutorService pool = Executors.newFixedThreadPool(2);",
            "    try {",
            "      pool.invokeAll(tasks);",
            "      pool.shutdown();",
            "    } catch (InterruptedException e) {",
            "      Thread.currentThread().interrupt();",
            "    }",
            "  }",
            "  void register(ExecutorService pool) {}",
            "}")
        .doTest();
  }

  @Test
  void localPoolNotShutDownOnEveryPath_flagged() {
    helper
        .addSourceLines(
            "Batch.java",
            "import java.util.ArrayList;",
            "import java.util.List;",
            "import java.util.concurrent.*;",
            "class Batch {",
            "  void never(List<Runnable> tasks) {",
            "    // BUG: Diagnostic contains: `pool` (`Executors.newFixedThreadPool(...)`) is never"
                + " shut down",
            "    ExecutorService pool = Executors.newFixedThreadPool(4);",
            "    tasks.forEach(pool::submit);",
            "  }",
            "  List<String> afterGet(List<Callable<String>> tasks) throws Exception {",
            "    // BUG: Diagnostic contains: `f.get()` can throw ExecutionException",
            "    ExecutorService pool = Executors.newFixedThreadPool(4);",
            "    List<String> out = new ArrayList<>();",
            "    for (Future<String> f : pool.invokeAll(tasks)) {",
            "      out.add(f.get());",
            "    }",
            "    pool.shutdown();",
            "    return out;",
            "  }",
            "  void earlyReturn(List<Runnable> tasks) {",
            "    // BUG: Diagnostic contains: it returns at `return;`",
            "    ExecutorService pool = Executors.newSingleThreadExecutor();",
            "    if (tasks.isEmpty()) {",
            "      return;",
            "    }",
            "    tasks.forEach(pool::execute);",
            "    pool.shutdown();",
            "  }",
            "  void insideTry(List<Callable<String>> tasks) {",
            "    // BUG: Diagnostic contains: at the end of a `try` block",
            "    ExecutorService pool = Executors.newFixedThreadPool(2);",
            "    try {",
            "      pool.invokeAny(tasks);",
            "      pool.shutdown();",
            "    } catch (InterruptedException | ExecutionException e) {",
            "      Thread.currentThread().interrupt();",
            "    }",
            "  }",
            "  void rethrowsUnchecked(Future<String> f) {",
            "    // BUG: Diagnostic contains: it throws at `throw new IllegalStateException(e);`",
            "    ExecutorService pool = Executors.newFixedThreadPool(2);",
            "    try {",
            "      f.get();",
            "    } catch (InterruptedException | ExecutionException e) {",
            "      throw new IllegalStateException(e);",
            "    }",
            "    pool.shutdown();",
            "  }",
            "  void fireAndForget(Runnable task) {",
            "    // BUG: Diagnostic contains: is used once and dropped without shutdown()",
            "    Executors.newSingleThreadScheduledExecutor().schedule(task, 1, TimeUnit.SECONDS);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_21)
  void virtualThreads_flaggedUnlessBoundedOrStructured() {
    helper
        .addSourceLines(
            "Fanout.java",
            "import java.util.List;",
            "import java.util.concurrent.*;",
            "import org.springframework.web.bind.annotation.*;",
            "@RestController",
            "class Fanout {",
            "  private final Semaphore permits = new Semaphore(32);",
            "  @PostMapping(\"/notify\")",
            "  void notifyAll(List<String> users) throws Exception {",
            "    for (String user : users) {",
            "      // BUG: Diagnostic contains: `Thread.startVirtualThread(...)` starts a virtual"
                + " thread inside a loop",
            "      Thread.startVirtualThread(() -> send(user));",
            "      // BUG: Diagnostic contains: Semaphore",
            "      Thread.ofVirtual().name(\"send\").start(() -> send(user));",
            "      // BUG: Diagnostic contains: starts a new platform thread",
            "      Thread.ofPlatform().start(() -> send(user));",
            "    }",
            "    try (ExecutorService scope = Executors.newVirtualThreadPerTaskExecutor()) {",
            "      users.forEach(u -> scope.submit(() -> send(u)));",
            "    }",
            "    // BUG: Diagnostic contains: virtual-thread executor",
            "    ExecutorService open = Executors.newVirtualThreadPerTaskExecutor();",
            "    open.submit(() -> send(\"all\"));",
            "  }",
            "  @PostMapping(\"/bounded\")",
            "  void bounded(List<String> users) throws InterruptedException {",
            "    for (String user : users) {",
            "      permits.acquire();",
            "      Thread.startVirtualThread(() -> {",
            "        try { send(user); } finally { permits.release(); }",
            "      });",
            "    }",
            "  }",
            "  void send(String user) {}",
            "}")
        .doTest();
  }
}
