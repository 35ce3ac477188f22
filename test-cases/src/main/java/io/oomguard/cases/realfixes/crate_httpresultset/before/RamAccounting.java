package io.oomguard.cases.realfixes.crate_httpresultset.before;

import java.util.function.LongConsumer;

/** Reserves memory against a breaker in blocks, releases it when the request is done. */
public final class RamAccounting {
  public static final long MAX_BLOCK_SIZE_IN_BYTES = 2 * 1024 * 1024;

  private final LongConsumer reserveBytes;
  private final long blockSize;
  private long totalBytes;
  private long reserved;

  public RamAccounting(LongConsumer reserveBytes, long blockSize) {
    this.reserveBytes = reserveBytes;
    this.blockSize = blockSize;
  }

  public void addBytes(long bytes) {
    totalBytes += bytes;
    if (totalBytes > reserved) {
      long toReserve = Math.max(blockSize, totalBytes - reserved);
      reserveBytes.accept(toReserve);
      reserved += toReserve;
    }
  }

  public void release() {
    reserveBytes.accept(-reserved);
    reserved = 0;
    totalBytes = 0;
  }

  public void close() {
    release();
  }
}
