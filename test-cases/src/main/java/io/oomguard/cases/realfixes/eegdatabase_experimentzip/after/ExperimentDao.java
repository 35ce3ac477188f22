package io.oomguard.cases.realfixes.eegdatabase_experimentzip.after;

import java.util.Set;

/** The experiments' DAO (Hibernate GenericDao in the project; reduced). */
public interface ExperimentDao {
  Set<DataFile> dataFilesOf(int experimentId);

  byte[] metadataXml(int experimentId);
}
