package io.oomguard.cases.realfixes.lightblue_bulkexecutor.after;

/** The CRUD controllers of the configured back ends (reduced). */
public interface CrudBackend {
  Response find(FindRequest request);

  Response write(Request request);
}
