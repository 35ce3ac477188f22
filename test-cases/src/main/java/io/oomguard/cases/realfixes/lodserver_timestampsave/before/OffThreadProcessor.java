/*
 * VoX/lod-server-support -- https://github.com/VoX/lod-server-support/issues/62, fixed by PR #63
 * (commit 1d6836d3935b7ab237649c6983012c94a741e9a3, "coalesce timestamp-cache saves").
 * The processing thread's cycle (20 per second) hands every due timestamp-cache save to a
 * single-thread executor as a closure capturing its own deep-copied snapshot (~42 MB). Saves are
 * due every ~2 s under edit churn; when one save took longer than that, the executor's unbounded
 * queue kept every pending snapshot -- 1.76 GB retained in the reporter's heap dump, then OOM.
 */
package io.oomguard.cases.realfixes.lodserver_timestampsave.before;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/** Serves the players' LOD requests on a thread of its own, fed by the server tick. */
public abstract class OffThreadProcessor {

  private static final int SAVE_INTERVAL_CYCLES = 6000; // ~5 min at 20 cycles/s
  private static final int INVALIDATE_SAVE_MAX_CYCLES = 40; // ~2 s
  private static final long SNAPSHOT_POLL_MS = 100;
  private static final long SHUTDOWN_JOIN_MS = 5000;

  private final Object mailboxLock = new Object();
  private TickSnapshot pendingSnapshot;
  private List<long[]> pendingInvalidations = new ArrayList<>();

  private final Thread processingThread;
  private final ColumnTimestampCache timestampCache;
  private final Path dataDir;
  private int saveCounter;
  private boolean invalidationDirty;
  private int invalidationCountdown;

  private final ExecutorService saveExecutor =
      // BUG: Diagnostic contains: UnboundedExecutor
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "LSS-TimestampSave");
            t.setDaemon(true);
            return t;
          });

  protected OffThreadProcessor(Path dataDir, int timestampCacheEntries) {
    this.dataDir = dataDir == null ? null : dataDir.normalize();
    this.timestampCache = new ColumnTimestampCache(timestampCacheEntries);
    if (this.dataDir != null) {
      this.timestampCache.load(this.dataDir);
    }
    this.processingThread = new Thread(this::processingLoop, "LSS Processing Thread");
    this.processingThread.setDaemon(true);
  }

  public void start() {
    processingThread.start();
  }

  /** Main thread, every server tick: post the tick's snapshot and the dirty-column events. */
  public void postSnapshot(TickSnapshot snapshot, List<long[]> invalidations) {
    synchronized (mailboxLock) {
      pendingSnapshot = snapshot;
      pendingInvalidations.addAll(invalidations);
      mailboxLock.notifyAll();
    }
  }

  private void processingLoop() {
    while (true) {
      TickSnapshot snapshot;
      List<long[]> invalidations;
      synchronized (mailboxLock) {
        while (pendingSnapshot == null) {
          try {
            mailboxLock.wait(SNAPSHOT_POLL_MS);
          } catch (InterruptedException e) {
            return;
          }
        }
        snapshot = pendingSnapshot;
        invalidations = pendingInvalidations;
        pendingSnapshot = null;
        pendingInvalidations = new ArrayList<>();
      }
      if (snapshot.shutdown()) {
        return;
      }
      processCycle(snapshot, invalidations);
    }
  }

  private void processCycle(TickSnapshot snapshot, List<long[]> invalidations) {
    for (long[] positions : invalidations) {
      if (timestampCache.invalidate(positions) && !invalidationDirty) {
        invalidationDirty = true;
        invalidationCountdown = INVALIDATE_SAVE_MAX_CYCLES;
      }
    }
    routeIncomingRequests(snapshot);

    boolean periodicDue = ++saveCounter >= SAVE_INTERVAL_CYCLES;
    boolean invalidationDue = invalidationDirty && --invalidationCountdown <= 0;
    if (dataDir != null && (periodicDue || invalidationDue)) {
      saveCounter = 0;
      invalidationDirty = false;
      var cacheSnapshot = timestampCache.snapshotForSave();
      try {
        saveExecutor.execute(() -> cacheSnapshot.save(dataDir));
      } catch (RejectedExecutionException e) {
        // shutdown already stopped the executor; the final save is done there
      }
    }
  }

  protected abstract void routeIncomingRequests(TickSnapshot snapshot);

  public void shutdown() {
    postSnapshot(TickSnapshot.shutdownSentinel(), List.of());
    try {
      processingThread.interrupt();
      processingThread.join(SHUTDOWN_JOIN_MS);
    } catch (InterruptedException ignored) {
      Thread.currentThread().interrupt();
    }
    if (!processingThread.isAlive() && dataDir != null) {
      var snapshot = timestampCache.snapshotForSave();
      try {
        saveExecutor
            .submit(() -> snapshot.save(dataDir))
            .get(SHUTDOWN_JOIN_MS, TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        // logged: final save did not complete cleanly
      }
    }
    saveExecutor.shutdown();
  }
}
