package io.oomguard.cases.realfixes.lightblue_bulkexecutor.before;

/** The CRUD controllers of the configured back ends (reduced). */
public interface CrudBackend {
  Response find(FindRequest request);

  Response write(Request request);
}
