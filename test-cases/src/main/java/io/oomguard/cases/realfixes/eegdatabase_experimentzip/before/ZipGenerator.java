/*
 * EEG/ERP Portal (INCF eeg-database), experiment download.
 * Bug fix: https://github.com/INCF/eeg-database/issues/54 ("ZipGenerator ... use
 * ByteArrayOutputStream for prepare file archive for download but heap memory is too small"),
 * commit af40c962 ("now use temp file instead memory - fixed out of memory exception for
 * experiment with large files").
 *
 * What grew: each download request zipped the experiment's metadata and all its data files into
 * an unsized ByteArrayOutputStream, which the controller then copied to the response.
 */
package io.oomguard.cases.realfixes.eegdatabase_experimentzip.before;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

public class ZipGenerator implements Generator {
  @Override
  public OutputStream generate(byte[] xmlMetadata, Set<DataFile> dataFiles) throws Exception {
    ZipOutputStream zos = null;
    ByteArrayOutputStream baos = null;
    try {
      // BUG: Diagnostic contains: UnsizedBufferInHotPath
      baos = new ByteArrayOutputStream();
      zos = new ZipOutputStream(baos);
      if (xmlMetadata != null) {
        zos.putNextEntry(new ZipEntry("metadata.xml"));
        zos.write(xmlMetadata);
        zos.closeEntry();
      }
      for (DataFile d : dataFiles) {
        ZipEntry e = new ZipEntry("data/" + d.getFilename());
        byte[] data = d.getFileContent().getBytes(1, (int) d.getFileContent().length());
        if (data != null) {
          zos.putNextEntry(e);
          zos.write(data);
          zos.closeEntry();
        }
      }
    } finally {
      if (zos != null) {
        zos.flush();
        zos.close();
      }
    }
    return baos;
  }
}
