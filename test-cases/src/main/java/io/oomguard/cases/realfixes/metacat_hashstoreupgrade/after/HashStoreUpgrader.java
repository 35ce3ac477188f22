/*
 * NCEAS/metacat -- https://github.com/NCEAS/metacat, commit
 * 270a5bd9660327a10dceff2a87b54e93222076d9 ("ExecutorService uses a shared unbounded queue to
 * accept tasks. So if we don't throttle the tasks submission, it can cause the out of memory issue
 * if the number tasks is huge.").
 * The 3.1.0 storage upgrade walks every row of the systemmetadata table and submits one conversion
 * task per object to a fixed pool. The loop reads rows far faster than the pool converts files, so
 * the pool's unbounded LinkedBlockingQueue held a task (with its system metadata) for every
 * object of the repository.
 * Fix: the submitted futures go into a set; when it reaches maxSetSize (10000, configurable), the
 * loop removes the completed ones, sleeping until at least one has completed, before submitting
 * more -- so at most maxSetSize conversions are pending at once.
 */
package io.oomguard.cases.realfixes.metacat_hashstoreupgrade.after;

import java.io.BufferedWriter;
import java.io.File;
import java.io.FileWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

public class HashStoreUpgrader implements UpgradeUtilityInterface {

  private static final int TIME_OUT_DAYS = 5;
  private static final int MAX_SET_SIZE = 10000;
  private static int nThreads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);

  private final CandidateDao candidateDao;
  private final SystemMetadataManager systemMetadataManager;
  private final HashStoreConverter converter;
  private final File backupDir;
  private final String dataPath;
  private int timeout = TIME_OUT_DAYS;
  private int maxSetSize = MAX_SET_SIZE;

  public HashStoreUpgrader(
      CandidateDao candidateDao,
      SystemMetadataManager systemMetadataManager,
      HashStoreConverter converter,
      File backupDir,
      String dataPath) {
    this.candidateDao = candidateDao;
    this.systemMetadataManager = systemMetadataManager;
    this.converter = converter;
    this.backupDir = backupDir;
    this.dataPath = dataPath;
  }

  @Override
  public boolean upgrade() throws AdminException {
    ExecutorService executor;
    Set<Future<?>> futures = Collections.synchronizedSet(new HashSet<>());
    try {
      executor = Executors.newFixedThreadPool(nThreads);
      File generalFile = new File(backupDir, "generalError");
      try (BufferedWriter generalWriter = new BufferedWriter(new FileWriter(generalFile, true))) {
        try (ResultSet rs = candidateDao.selectUnconvertedIds()) {
          while (rs.next()) {
            String id = rs.getString(1);
            if (id == null || id.isBlank()) {
              continue;
            }
            SystemMetadata sysMeta = systemMetadataManager.get(id);
            Path path = Paths.get(dataPath + sysMeta.localId());
            if (sysMeta.checksum() != null) {
              Future<?> future =
                  executor.submit(
                      () ->
                          convert(
                              path,
                              id,
                              sysMeta,
                              sysMeta.checksum(),
                              sysMeta.algorithm(),
                              generalWriter));
              futures.add(future);
              if (futures.size() >= maxSetSize) {
                // Free the set from completed futures before submitting more, so the executor's
                // queue cannot outgrow it.
                removeCompleteFuture(futures);
              }
            } else {
              writeToFile(id, generalWriter);
            }
          }
        } catch (SQLException e) {
          throw new AdminException(e.getMessage());
        }
        executor.shutdown();
        try {
          executor.awaitTermination(timeout, TimeUnit.DAYS);
        } catch (InterruptedException e) {
          throw new RuntimeException("The waiting of the executor's jobs was interrupted", e);
        }
      }
    } catch (IOException e) {
      throw new AdminException(e.getMessage());
    }
    return true;
  }

  /** Removes the completed futures; if none has completed yet, waits and tries again. */
  protected void removeCompleteFuture(Set<Future<?>> futures) {
    int originalSize = futures.size();
    if (originalSize == 0) {
      return;
    }
    while (true) {
      Iterator<Future<?>> iterator = futures.iterator();
      while (iterator.hasNext()) {
        if (iterator.next().isDone()) {
          iterator.remove();
        }
      }
      if (futures.size() >= originalSize) {
        try {
          Thread.sleep(800);
        } catch (InterruptedException e) {
          // logged
        }
      } else {
        break;
      }
    }
  }

  private void convert(
      Path path,
      String id,
      SystemMetadata sysMeta,
      String checksum,
      String algorithm,
      BufferedWriter generalWriter) {
    try {
      converter.convert(path, id, sysMeta, checksum, algorithm);
    } catch (Exception e) {
      writeToFile(id + " " + e.getMessage(), generalWriter);
    }
  }

  private static void writeToFile(String message, BufferedWriter writer) {
    try {
      synchronized (writer) {
        writer.write(message + "\n");
      }
    } catch (IOException e) {
      // logged
    }
  }
}
