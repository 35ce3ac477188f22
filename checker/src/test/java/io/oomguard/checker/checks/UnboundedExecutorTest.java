package io.oomguard.checker.checks;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class UnboundedExecutorTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(UnboundedExecutor.class, getClass());

  private final BugCheckerRefactoringTestHelper refactoring =
      BugCheckerRefactoringTestHelper.newInstance(UnboundedExecutor.class, getClass());

  @Test
  void boundedPools_noFinding() {
    helper
        .addSourceLines(
            "Pools.java",
            "import java.util.concurrent.*;",
            "class Pools {",
            "  static final int CAPACITY = 500;",
            "  final ExecutorService array = new ThreadPoolExecutor(4, 4, 0L, TimeUnit.SECONDS,",
            "      new ArrayBlockingQueue<>(100));",
            "  final ExecutorService linked = new ThreadPoolExecutor(4, 8, 0L, TimeUnit.SECONDS,",
            "      new LinkedBlockingQueue<>(CAPACITY));",
            "  final ExecutorService handOff = new ThreadPoolExecutor(0, 64, 60L, TimeUnit.SECONDS,",
            "      new SynchronousQueue<>());",
            "  final ScheduledExecutorService ticker = Executors.newScheduledThreadPool(2);",
            "  final ExecutorService stealing = Executors.newWorkStealingPool();",
            "  final ExecutorService forkJoin = new ForkJoinPool(4);",
            "  ExecutorService fromParameter(BlockingQueue<Runnable> queue) {",
            "    return new ThreadPoolExecutor(2, 2, 0L, TimeUnit.SECONDS, queue);",
            "  }",
            "  ExecutorService selfBounding() {",
            "    return new ThreadPoolExecutor(2, 2, 0L, TimeUnit.SECONDS,",
            "        new LinkedBlockingQueue<Runnable>() {",
            "          @Override public boolean offer(Runnable r) { return size() < 10 && super.offer(r); }",
            "        });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void executorsFactoriesWithUnboundedQueueOrThreads_flagged() {
    helper
        .addSourceLines(
            "Pools.java",
            "import static java.util.concurrent.Executors.newFixedThreadPool;",
            "import java.util.concurrent.*;",
            "class Pools {",
            "  // BUG: Diagnostic contains: newFixedThreadPool() queues every task",
            "  final ExecutorService fixed = newFixedThreadPool(4);",
            "  // BUG: Diagnostic contains: unbounded LinkedBlockingQueue",
            "  final ExecutorService single = Executors.newSingleThreadExecutor(Thread::new);",
            "  // BUG: Diagnostic contains: unable to create native thread",
            "  final ExecutorService cached = Executors.newCachedThreadPool();",
            "  void onRequest(Runnable task) {",
            "    fixed.execute(task);",
            "    single.execute(task);",
            "    cached.execute(task);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void threadPoolExecutorWithCapacityLessQueue_flagged() {
    helper
        .addSourceLines(
            "Pools.java",
            "import java.util.List;",
            "import java.util.concurrent.*;",
            "class Pools {",
            "  // BUG: Diagnostic contains: LinkedBlockingQueue work queue is unbounded",
            "  final ExecutorService linked = new ThreadPoolExecutor(4, 4, 0L, TimeUnit.SECONDS,",
            "      new LinkedBlockingQueue<>());",
            "  // BUG: Diagnostic contains: LinkedBlockingDeque",
            "  final ExecutorService deque = new ThreadPoolExecutor(4, 4, 0L, TimeUnit.SECONDS,",
            "      new LinkedBlockingDeque<>(Integer.MAX_VALUE));",
            "  // BUG: Diagnostic contains: only the initial size",
            "  final ExecutorService priority = new ThreadPoolExecutor(4, 4, 0L, TimeUnit.SECONDS,",
            "      new PriorityBlockingQueue<>(16));",
            "  // BUG: Diagnostic contains: maximumPoolSize Integer.MAX_VALUE",
            "  final ExecutorService handOff = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60L,",
            "      TimeUnit.SECONDS, new SynchronousQueue<>());",
            "  ExecutorService throughLocal(List<Runnable> backlog) {",
            "    BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>(backlog);",
            "    // BUG: Diagnostic contains: UnboundedExecutor",
            "    return new ThreadPoolExecutor(2, 2, 0L, TimeUnit.SECONDS, queue);",
            "  }",
            "  static final class TracingPool extends ThreadPoolExecutor {",
            "    TracingPool() {",
            "      // BUG: Diagnostic contains: LinkedTransferQueue",
            "      super(2, 2, 0L, TimeUnit.SECONDS, new LinkedTransferQueue<>());",
            "    }",
            "  }",
            "  void onRequest(Runnable task) {",
            "    linked.execute(task);",
            "    deque.execute(task);",
            "    priority.execute(task);",
            "    handOff.execute(task);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void tasksOnlyFromStartUpOrAwaited_noFinding() {
    helper
        .addSourceLines(
            "Workers.java",
            "import java.util.List;",
            "import java.util.concurrent.*;",
            "class Workers {",
            "  private final BlockingQueue<String> inbox = new ArrayBlockingQueue<>(100);",
            "  private final ExecutorService drainer = Executors.newSingleThreadExecutor();",
            "  private final ExecutorService fanOut = Executors.newFixedThreadPool(4);",
            "  private final ExecutorService idle = Executors.newCachedThreadPool();",
            "  Workers() {",
            "    drainer.submit(this::drain);",
            "  }",
            "  List<Future<String>> all(List<Callable<String>> jobs) throws InterruptedException {",
            "    return fanOut.invokeAll(jobs);",
            "  }",
            "  private void drain() {}",
            "}")
        .doTest();
  }

  @Test
  void scheduledPoolsFedAtRunTime_flagged() {
    helper
        .addSourceLines(
            "Timers.java",
            "import java.util.concurrent.*;",
            "class Timers {",
            "  // BUG: Diagnostic contains: setRemoveOnCancelPolicy(true)",
            "  private final ScheduledExecutorService timeouts = Executors.newScheduledThreadPool(1);",
            "  // BUG: Diagnostic contains: adds another periodic task every time it runs",
            "  private final ScheduledExecutorService ticks = new ScheduledThreadPoolExecutor(1);",
            "  private final ScheduledThreadPoolExecutor cleaned = new ScheduledThreadPoolExecutor(1);",
            "  private ScheduledFuture<?> tick;",
            "  Timers() {",
            "    cleaned.setRemoveOnCancelPolicy(true);",
            "  }",
            "  void call(Runnable abort, Runnable work) {",
            "    ScheduledFuture<?> timeout = timeouts.schedule(abort, 1, TimeUnit.MINUTES);",
            "    ScheduledFuture<?> other = cleaned.schedule(abort, 1, TimeUnit.MINUTES);",
            "    work.run();",
            "    timeout.cancel(false);",
            "    other.cancel(false);",
            "  }",
            "  void onSession(Runnable beat) {",
            "    tick = ticks.scheduleAtFixedRate(beat, 1, 1, TimeUnit.SECONDS);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void springTaskExecutorWithQueueCapacity_noFinding() {
    helper
        .addSourceLines(
            "Config.java",
            "import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;",
            "class Config {",
            "  private final ThreadPoolTaskExecutor shared = new ThreadPoolTaskExecutor();",
            "  Config() {",
            "    shared.setQueueCapacity(200);",
            "  }",
            "  ThreadPoolTaskExecutor mailExecutor(int capacity) {",
            "    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();",
            "    executor.setCorePoolSize(2);",
            "    executor.setQueueCapacity(capacity);",
            "    executor.initialize();",
            "    return executor;",
            "  }",
            "  ThreadPoolTaskExecutor handOff() {",
            "    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();",
            "    executor.setQueueCapacity(0);",
            "    executor.setMaxPoolSize(32);",
            "    return executor;",
            "  }",
            "  ThreadPoolTaskExecutor configuredByHelper() {",
            "    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();",
            "    applyLimits(executor);",
            "    return executor;",
            "  }",
            "  private static void applyLimits(ThreadPoolTaskExecutor executor) {",
            "    executor.setQueueCapacity(100);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void springTaskExecutorWithoutQueueCapacity_flagged() {
    helper
        .addSourceLines(
            "Config.java",
            "import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;",
            "class Config {",
            "  ThreadPoolTaskExecutor reportExecutor() {",
            "    // BUG: Diagnostic contains: queueCapacity is never set",
            "    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();",
            "    executor.setCorePoolSize(4);",
            "    executor.setMaxPoolSize(8);",
            "    executor.initialize();",
            "    return executor;",
            "  }",
            "  ThreadPoolTaskExecutor bare() {",
            "    // BUG: Diagnostic contains: setQueueCapacity(n)",
            "    return new ThreadPoolTaskExecutor();",
            "  }",
            "  ThreadPoolTaskExecutor handOffWithoutMax() {",
            "    // BUG: Diagnostic contains: queueCapacity is 0",
            "    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();",
            "    executor.setQueueCapacity(0);",
            "    return executor;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void replacement_fixedPoolKeepsThreadFactory() {
    refactoring
        .addInputLines(
            "Workers.java",
            "import java.util.concurrent.ExecutorService;",
            "import java.util.concurrent.Executors;",
            "import java.util.concurrent.ThreadFactory;",
            "class Workers {",
            "  private final ExecutorService workers;",
            "  Workers(ThreadFactory threads, int size) {",
            "    workers = Executors.newFixedThreadPool(size, threads);",
            "  }",
            "  void run(Runnable job) {",
            "    workers.execute(job);",
            "  }",
            "}")
        .addOutputLines(
            "Workers.java",
            "import java.util.concurrent.ArrayBlockingQueue;",
            "import java.util.concurrent.ExecutorService;",
            "import java.util.concurrent.Executors;",
            "import java.util.concurrent.ThreadFactory;",
            "import java.util.concurrent.ThreadPoolExecutor;",
            "import java.util.concurrent.TimeUnit;",
            "class Workers {",
            "  private final ExecutorService workers;",
            "",
            "  Workers(ThreadFactory threads, int size) {",
            "    workers =",
            "        new ThreadPoolExecutor(",
            "            size,",
            "            size,",
            "            0L,",
            "            TimeUnit.MILLISECONDS,",
            "            new ArrayBlockingQueue<>(WORKERS_QUEUE_CAPACITY),",
            "            threads,",
            "            new ThreadPoolExecutor.CallerRunsPolicy());",
            "  }",
            "",
            "  void run(Runnable job) {",
            "    workers.execute(job);",
            "  }",
            "",
            "  // TODO: review: tasks that may wait for a thread; beyond this, callers run them.",
            "  private static final int WORKERS_QUEUE_CAPACITY = 1_000;",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void replacement_singleThreadExecutorAborts() {
    refactoring
        .addInputLines(
            "Audit.java",
            "import java.util.concurrent.ExecutorService;",
            "import java.util.concurrent.Executors;",
            "class Audit {",
            "  private static final ExecutorService WRITER = Executors.newSingleThreadExecutor();",
            "  static void log(Runnable entry) {",
            "    WRITER.execute(entry);",
            "  }",
            "}")
        .addOutputLines(
            "Audit.java",
            "import java.util.concurrent.ArrayBlockingQueue;",
            "import java.util.concurrent.ExecutorService;",
            "import java.util.concurrent.Executors;",
            "import java.util.concurrent.ThreadPoolExecutor;",
            "import java.util.concurrent.TimeUnit;",
            "class Audit {",
            "  private static final ExecutorService WRITER =",
            "      new ThreadPoolExecutor(",
            "          1,",
            "          1,",
            "          0L,",
            "          TimeUnit.MILLISECONDS,",
            "          new ArrayBlockingQueue<>(Audit.WRITER_QUEUE_CAPACITY),",
            "          new ThreadPoolExecutor.AbortPolicy());",
            "",
            "  static void log(Runnable entry) {",
            "    WRITER.execute(entry);",
            "  }",
            "",
            "  // TODO: review: tasks that may wait for the thread; beyond this, submissions are"
                + " rejected.",
            "  private static final int WRITER_QUEUE_CAPACITY = 1_000;",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }
}
