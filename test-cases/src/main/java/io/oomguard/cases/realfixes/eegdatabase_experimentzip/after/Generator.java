package io.oomguard.cases.realfixes.eegdatabase_experimentzip.after;

import java.io.File;
import java.util.Set;

/** Builds the downloadable archive of an experiment. */
public interface Generator {
  File generate(byte[] xmlMetadata, Set<DataFile> dataFiles) throws Exception;
}
