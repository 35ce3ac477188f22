package io.oomguard.cases.realfixes.crate_httpresultset.before;

import java.util.List;

/** A SQL session of the HTTP connection (reduced): runs a statement and pushes rows. */
public interface Session {
  /** Column names and types of the statement's result, or null for a row-count statement. */
  List<String> describeFieldNames(String stmt);

  List<Class<?>> describeFieldTypes(String stmt);

  void execute(String stmt, List<Object> args, ResultReceiver receiver);

  /** Receives the rows of a result set. */
  interface ResultReceiver {
    void setNextRow(Object[] row);

    void allFinished();

    void fail(Throwable t);
  }
}
