package io.oomguard.cases.realfixes.metacat_hashstoreupgrade.after;

public interface SystemMetadataManager {
  SystemMetadata get(String pid);
}
