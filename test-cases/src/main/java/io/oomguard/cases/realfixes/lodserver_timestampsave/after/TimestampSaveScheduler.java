package io.oomguard.cases.realfixes.lodserver_timestampsave.after;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Latest-wins coalescing of timestamp-cache saves: a due save replaces the pending snapshot, and
 * only the empty-to-full transition queues one drain task on the single-thread save executor.
 */
final class TimestampSaveScheduler {

  private final AtomicReference<ColumnTimestampCache> pending = new AtomicReference<>();
  private final ExecutorService saveExecutor;
  private final Path dataDir;

  TimestampSaveScheduler(ExecutorService saveExecutor, Path dataDir) {
    this.saveExecutor = saveExecutor;
    this.dataDir = dataDir;
  }

  /** Called by the processing thread only. */
  void schedule(ColumnTimestampCache snapshot) {
    if (pending.getAndSet(snapshot) == null) {
      try {
        saveExecutor.execute(this::drain);
      } catch (RejectedExecutionException e) {
        pending.set(null);
      }
    }
  }

  /** Shutdown: the final save supersedes whatever is still pending. */
  void discardPending() {
    pending.set(null);
  }

  private void drain() {
    ColumnTimestampCache snapshot = pending.getAndSet(null);
    if (snapshot != null) {
      snapshot.save(dataDir);
    }
  }
}
