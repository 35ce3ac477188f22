package io.oomguard.cases.realfixes.appinventor_assetupload.before;

import java.io.IOException;
import java.io.InputStream;

/** Imports uploaded files into a user's project. */
public interface FileImporter {
  long importFile(String userId, long projectId, String fileName, InputStream uploadedFileStream)
      throws FileImporterException, IOException;

  /** Carries the upload status the client shows. */
  class FileImporterException extends Exception {
    public final String uploadResponse;

    public FileImporterException(String uploadResponse) {
      super(uploadResponse);
      this.uploadResponse = uploadResponse;
    }
  }
}
