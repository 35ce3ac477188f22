package io.oomguard.cases.realfixes.metacat_hashstoreupgrade.after;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Runs "SELECT guid FROM systemmetadata ... WHERE not yet in the checksums table". */
public interface CandidateDao {
  ResultSet selectUnconvertedIds() throws SQLException;
}
