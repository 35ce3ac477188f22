package io.oomguard.cases.realfixes.metacat_hashstoreupgrade.before;

public interface SystemMetadataManager {
  SystemMetadata get(String pid);
}
