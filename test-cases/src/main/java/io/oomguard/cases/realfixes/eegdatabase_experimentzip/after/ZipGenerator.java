/*
 * EEG/ERP Portal (INCF eeg-database), experiment download.
 * Bug fix: https://github.com/INCF/eeg-database/issues/54 ("ZipGenerator ... use
 * ByteArrayOutputStream for prepare file archive for download but heap memory is too small"),
 * commit af40c962 ("now use temp file instead memory - fixed out of memory exception for
 * experiment with large files").
 *
 * What grew: each download request zipped the experiment's metadata and all its data files into
 * an unsized ByteArrayOutputStream, which the controller then copied to the response.
 *
 * Fix: the zip is written to a temporary file, each BLOB copied into it as a stream
 * (IOUtils.copyLarge); the controller streams the file to the response.
 */
package io.oomguard.cases.realfixes.eegdatabase_experimentzip.after;

import java.io.File;
import java.io.FileOutputStream;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.io.IOUtils;

public class ZipGenerator implements Generator {
  @Override
  public File generate(byte[] xmlMetadata, Set<DataFile> dataFiles) throws Exception {
    ZipOutputStream zipOutputStream = null;
    FileOutputStream fileOutputStream = null;
    File tempZipFile = null;
    try {
      // create temp zip file
      tempZipFile = File.createTempFile("experimentDownload_", ".zip");
      fileOutputStream = new FileOutputStream(tempZipFile);
      zipOutputStream = new ZipOutputStream(fileOutputStream);
      if (xmlMetadata != null) {
        zipOutputStream.putNextEntry(new ZipEntry("metadata.xml"));
        zipOutputStream.write(xmlMetadata);
        zipOutputStream.closeEntry();
      }
      for (DataFile dataFile : dataFiles) {
        ZipEntry entry = new ZipEntry("data/" + dataFile.getFilename());
        if (dataFile.getFileContent().length() > 0) {
          zipOutputStream.putNextEntry(entry);
          IOUtils.copyLarge(dataFile.getFileContent().getBinaryStream(), zipOutputStream);
          zipOutputStream.closeEntry();
        }
      }
      return tempZipFile;
    } finally {
      if (zipOutputStream != null) {
        zipOutputStream.flush();
        zipOutputStream.close();
      }
      if (fileOutputStream != null) {
        fileOutputStream.close();
      }
    }
  }
}
