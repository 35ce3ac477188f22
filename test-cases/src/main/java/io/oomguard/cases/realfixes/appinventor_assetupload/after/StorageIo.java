package io.oomguard.cases.realfixes.appinventor_assetupload.after;

import java.util.List;

/** App Inventor's storage layer (Datastore/GCS backed; reduced). */
public interface StorageIo {
  int getMaxJobSizeBytes();

  List<String> getProjectSourceFiles(String userId, long projectId);

  void addSourceFilesToProject(String userId, long projectId, String fileName);

  long uploadRawFileForce(long projectId, String fileName, String userId, byte[] content);
}
