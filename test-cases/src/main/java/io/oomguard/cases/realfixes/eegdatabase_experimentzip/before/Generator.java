package io.oomguard.cases.realfixes.eegdatabase_experimentzip.before;

import java.io.OutputStream;
import java.util.Set;

/** Builds the downloadable archive of an experiment. */
public interface Generator {
  OutputStream generate(byte[] xmlMetadata, Set<DataFile> dataFiles) throws Exception;
}
