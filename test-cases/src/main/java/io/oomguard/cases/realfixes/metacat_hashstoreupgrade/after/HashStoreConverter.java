package io.oomguard.cases.realfixes.metacat_hashstoreupgrade.after;

import java.nio.file.Path;

/** Moves one object file into the hash store and records its checksums. */
public interface HashStoreConverter {
  void convert(Path path, String pid, SystemMetadata sysMeta, String checksum, String algorithm)
      throws Exception;
}
