package io.oomguard.cases.realfixes.lodserver_timestampsave.after;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/** Last-modified timestamps of chunk columns, persisted so clients' caches survive restarts. */
public class ColumnTimestampCache {

  private static final String FILE_NAME = "lss-timestamps.bin";
  private static final int IO_BUFFER_BYTES = 1 << 16;

  private final int maxEntries;
  private final Map<Long, Long> timestamps;

  public ColumnTimestampCache(int maxEntries) {
    this(maxEntries, new HashMap<>());
  }

  private ColumnTimestampCache(int maxEntries, Map<Long, Long> timestamps) {
    this.maxEntries = maxEntries;
    this.timestamps = timestamps;
  }

  public void put(long packedPosition, long timestamp) {
    if (timestamps.size() < maxEntries) {
      timestamps.put(packedPosition, timestamp);
    }
  }

  public boolean invalidate(long[] positions) {
    boolean removed = false;
    for (long position : positions) {
      removed |= timestamps.remove(position) != null;
    }
    return removed;
  }

  /** A deep copy the save thread can write while the processing thread keeps mutating this one. */
  public ColumnTimestampCache snapshotForSave() {
    return new ColumnTimestampCache(maxEntries, new HashMap<>(timestamps));
  }

  public void save(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    Path tmpFile = file.resolveSibling(FILE_NAME + ".tmp." + Long.toHexString(System.nanoTime()));
    try {
      Files.createDirectories(dataDir);
      try (var out =
          new DataOutputStream(
              new BufferedOutputStream(Files.newOutputStream(tmpFile), IO_BUFFER_BYTES))) {
        out.writeInt(timestamps.size());
        for (Map.Entry<Long, Long> entry : timestamps.entrySet()) {
          out.writeLong(entry.getKey());
          out.writeLong(entry.getValue());
        }
      }
      Files.move(
          tmpFile, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // logged
    }
  }

  public void load(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      return;
    }
    try (var in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), IO_BUFFER_BYTES))) {
      int count = Math.min(in.readInt(), maxEntries);
      for (int i = 0; i < count; i++) {
        timestamps.put(in.readLong(), in.readLong());
      }
    } catch (IOException e) {
      // logged: discarding the file
    }
  }
}
