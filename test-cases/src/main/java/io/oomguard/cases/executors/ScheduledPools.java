package io.oomguard.cases.executors;

import jakarta.annotation.PostConstruct;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Scheduled pools: their delayed-work queue has no capacity. It grows when run-time code schedules
 * tasks it later cancels (a cancelled task stays queued until its delay elapses), adds the same
 * periodic task again and again, or hands it immediate work; timers that simply fire, periodic jobs
 * set up at start-up, and pools that drop cancelled tasks do not make it grow.
 */
public class ScheduledPools {

  /** A timeout per call, cancelled when the call completes in time. */
  public static class CallTimeouts {
    // BUG: Diagnostic contains: schedules tasks at run time that are later cancelled
    private final ScheduledExecutorService timeouts = Executors.newScheduledThreadPool(2);

    public String call(Runnable abort, java.util.function.Supplier<String> remote) {
      ScheduledFuture<?> timeout = timeouts.schedule(abort, 30, TimeUnit.MINUTES);
      try {
        return remote.get();
      } finally {
        timeout.cancel(false);
      }
    }
  }

  /** The fix: cancelled tasks leave the queue at once. */
  public static class CallTimeoutsRemovedOnCancel {
    private final ScheduledThreadPoolExecutor timeouts = new ScheduledThreadPoolExecutor(2);

    public CallTimeoutsRemovedOnCancel() {
      timeouts.setRemoveOnCancelPolicy(true);
    }

    public String call(Runnable abort, java.util.function.Supplier<String> remote) {
      ScheduledFuture<?> timeout = timeouts.schedule(abort, 30, TimeUnit.MINUTES);
      try {
        return remote.get();
      } finally {
        timeout.cancel(false);
      }
    }
  }

  /** The same fix on a factory-made pool, set through a local before it is shared. */
  public static class WatchdogRemovedOnCancel {
    private static final ScheduledExecutorService WATCHDOG;

    static {
      ScheduledThreadPoolExecutor pool =
          (ScheduledThreadPoolExecutor) Executors.newScheduledThreadPool(1);
      pool.setRemoveOnCancelPolicy(true);
      WATCHDOG = pool;
    }

    private final ScheduledExecutorService executor = WATCHDOG;
    private volatile ScheduledFuture<?> pending;

    public void progress(Runnable hang) {
      if (pending != null) {
        pending.cancel(false);
      }
      pending = executor.schedule(hang, 1, TimeUnit.MINUTES);
    }
  }

  /** A reminder per order that simply fires: bounded by the rate and the delay. */
  public static class Reminders {
    private final ScheduledExecutorService reminders = Executors.newSingleThreadScheduledExecutor();

    public void remind(Runnable reminder) {
      reminders.schedule(reminder, 24, TimeUnit.HOURS);
    }
  }

  /** Every session start adds one more periodic task and overwrites the handle of the last. */
  public static class SessionTimer {
    private static final ScheduledExecutorService TIMER =
        // BUG: Diagnostic contains: adds another periodic task every time it runs
        Executors.newSingleThreadScheduledExecutor();

    private ScheduledFuture<?> timerFuture;

    public void startSession() {
      timerFuture = TIMER.scheduleAtFixedRate(this::tick, 0, 1, TimeUnit.SECONDS);
    }

    public void stopSession() {
      timerFuture.cancel(true);
    }

    private void tick() {}
  }

  /** The fix: return early while the earlier timer still runs. */
  public static class SessionTimerScheduledOnce {
    private static final ScheduledExecutorService TIMER =
        Executors.newSingleThreadScheduledExecutor();

    private ScheduledFuture<?> timerFuture;

    public void startSession() {
      if (isTimerRunning()) {
        return;
      }
      timerFuture = TIMER.scheduleAtFixedRate(this::tick, 0, 1, TimeUnit.SECONDS);
    }

    private boolean isTimerRunning() {
      return timerFuture != null && !timerFuture.isDone();
    }

    private void tick() {}
  }

  /** Guarded by a running flag the method sets itself. */
  public static class Poller {
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
    private boolean polling;

    public synchronized void ensurePolling() {
      if (polling) {
        return;
      }
      polling = true;
      poller.scheduleWithFixedDelay(this::poll, 0, 5, TimeUnit.SECONDS);
    }

    private void poll() {}
  }

  /** A heartbeat per connection whose handle is dropped: no one can ever stop it. */
  public static class Heartbeats {
    // BUG: Diagnostic contains: adds another periodic task
    private final ScheduledExecutorService heartbeats = Executors.newScheduledThreadPool(1);

    public void onConnect(Runnable ping) {
      heartbeats.scheduleAtFixedRate(ping, 10, 10, TimeUnit.SECONDS);
    }
  }

  /** A heartbeat per connection kept by key and cancelled when the connection closes. */
  public static class TrackedHeartbeats {
    private final ScheduledExecutorService heartbeats = Executors.newScheduledThreadPool(1);
    private final Map<String, ScheduledFuture<?>> byConnection = new ConcurrentHashMap<>();

    public void onConnect(String id, Runnable ping) {
      ScheduledFuture<?> beat = heartbeats.scheduleAtFixedRate(ping, 10, 10, TimeUnit.SECONDS);
      byConnection.put(id, beat);
    }

    public void onClose(String id) {
      ScheduledFuture<?> beat = byConnection.remove(id);
      if (beat != null) {
        beat.cancel(false);
      }
    }
  }

  /** Periodic jobs set up once, when the component starts. */
  public static class Housekeeping {
    private final ScheduledExecutorService housekeeping = Executors.newScheduledThreadPool(2);

    @PostConstruct
    void schedule() {
      housekeeping.scheduleAtFixedRate(this::sweep, 1, 1, TimeUnit.MINUTES);
      housekeeping.scheduleWithFixedDelay(this::compact, 1, 10, TimeUnit.MINUTES);
    }

    private void sweep() {}

    private void compact() {}
  }

  /** A scheduled pool used as a work queue for every event. */
  public static class EventRelay {
    // BUG: Diagnostic contains: gives it tasks at run time
    private final ScheduledThreadPoolExecutor relay = new ScheduledThreadPoolExecutor(4);

    public void onEvent(String event) {
      relay.execute(() -> forward(event));
    }

    private void forward(String event) {}
  }

  /**
   * Scheduler beans: how their users schedule and cancel is out of sight here, and not presumed to
   * grow (most shared schedulers serve tasks that reschedule themselves).
   */
  @Configuration
  public static class SchedulingConfig {
    @Bean
    public ScheduledExecutorService scheduler() {
      return Executors.newScheduledThreadPool(4);
    }

    @Bean
    public ScheduledExecutorService timeoutScheduler() {
      ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(4);
      pool.setRemoveOnCancelPolicy(true);
      return pool;
    }
  }
}
