/*
 * MIT App Inventor, asset upload.
 * Bug fix: https://github.com/mit-cml/appinventor-sources/pull/2676 ("Fix: do not read in whole
 * file in UploadServlet").
 *
 * What grew: an uploaded project asset was copied whole from the multipart request stream into a
 * ByteArrayOutputStream and only then compared with the maximum asset size ("Previous code read
 * the whole object into memory and then threw an error if it was too large. This can result in a
 * Java Heap overflow").
 *
 * Fix: the size is checked as each byte is copied; once it passes the maximum, the rest of the
 * stream is read and discarded and FILE_TOO_LARGE is thrown, so at most the maximum is buffered.
 */
package io.oomguard.cases.realfixes.appinventor_assetupload.after;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

public final class FileImporterImpl implements FileImporter {
  /** Maximum size of an uploaded asset, in megabytes (flag max.asset.size.megs). */
  private static final float MAX_ASSET_SIZE_MEGS = 9f;

  private final StorageIo storageIo;

  public FileImporterImpl(StorageIo storageIo) {
    this.storageIo = storageIo;
  }

  @Override
  public long importFile(
      String userId, long projectId, String fileName, InputStream uploadedFileStream)
      throws FileImporterException, IOException {
    int maxAssetSizeBytes = (int) (MAX_ASSET_SIZE_MEGS * 1024 * 1024);
    int maxSizeBytes = Math.min(maxAssetSizeBytes, storageIo.getMaxJobSizeBytes());

    BufferedInputStream bis = new BufferedInputStream(uploadedFileStream);
    ByteArrayOutputStream os = new ByteArrayOutputStream();
    BufferedOutputStream bos = new BufferedOutputStream(os);

    int bytes = 0;
    long fileLength = 0;
    byte[] buffer = new byte[1];
    while ((bytes = bis.read(buffer, 0, buffer.length)) != -1) {
      bos.write(buffer, 0, bytes);
      fileLength += bytes;
      if (fileLength > maxSizeBytes) {
        // Read the rest of the stream, but throw it away
        // and throw an error, so we do not consume memory storing
        // a large object
        while ((bytes = bis.read(buffer, 0, buffer.length)) != -1) {}
        throw new FileImporterException("FILE_TOO_LARGE");
      }
    }
    bos.flush();

    byte[] content = os.toByteArray();
    List<String> sourceFiles = storageIo.getProjectSourceFiles(userId, projectId);
    if (!sourceFiles.contains(fileName)) {
      storageIo.addSourceFilesToProject(userId, projectId, fileName);
    }
    return storageIo.uploadRawFileForce(projectId, fileName, userId, content);
  }
}
