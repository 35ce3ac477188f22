package io.oomguard.cases.executors;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Pools that live for one call: their queue holds only what that call submits. It grows without
 * bound when a loop reads rows from a source and submits one task per row faster than the pool
 * works; a loop over a list the call already holds, or one that waits for its tasks, does not.
 */
public class MigrationPools {
  private final int threads = Runtime.getRuntime().availableProcessors();

  /** Every row of a table becomes a queued task carrying what was loaded for it. */
  public void convertAll(ResultSet rows) throws SQLException, InterruptedException {
    // BUG: Diagnostic contains: gives it one task per item its loop reads
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      while (rows.next()) {
        String id = rows.getString(1);
        byte[] blob = rows.getBytes(2);
        pool.submit(() -> convert(id, blob));
      }
    } finally {
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.DAYS);
    }
  }

  /** The fix: keep the futures and wait for completed ones once too many are pending. */
  public void convertAllThrottled(ResultSet rows) throws SQLException, InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    Set<Future<?>> pending = Collections.synchronizedSet(new HashSet<>());
    try {
      while (rows.next()) {
        String id = rows.getString(1);
        byte[] blob = rows.getBytes(2);
        Future<?> future = pool.submit(() -> convert(id, blob));
        pending.add(future);
        if (pending.size() >= 1_000) {
          removeCompleted(pending);
        }
      }
    } finally {
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.DAYS);
    }
  }

  /** Another fix: a permit per pending task. */
  public void convertAllWithPermits(ResultSet rows) throws SQLException, InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    Semaphore permits = new Semaphore(1_000);
    try {
      while (rows.next()) {
        String id = rows.getString(1);
        byte[] blob = rows.getBytes(2);
        permits.acquire();
        pool.submit(
            () -> {
              try {
                convert(id, blob);
              } finally {
                permits.release();
              }
            });
      }
    } finally {
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.DAYS);
    }
  }

  /** One task per element of a list the caller already holds: no more than the list itself. */
  public void convertListed(List<String> ids) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (String id : ids) {
        pool.submit(() -> convert(id, new byte[0]));
      }
    } finally {
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.HOURS);
    }
  }

  private static void removeCompleted(Set<Future<?>> pending) {
    pending.removeIf(Future::isDone);
  }

  private void convert(String id, byte[] blob) {}
}
