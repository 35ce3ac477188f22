package io.oomguard.cases.realfixes.eegdatabase_experimentzip.after;

import java.sql.Blob;

/** A recorded data file of an experiment, stored as a database BLOB (Hibernate entity). */
public class DataFile {
  private String filename;
  private Blob fileContent;

  public String getFilename() {
    return filename;
  }

  public void setFilename(String filename) {
    this.filename = filename;
  }

  public Blob getFileContent() {
    return fileContent;
  }

  public void setFileContent(Blob fileContent) {
    this.fileContent = fileContent;
  }
}
