package io.oomguard.cases.realfixes.lightblue_bulkexecutor.after;

public enum CrudOperation {
  FIND,
  INSERT,
  UPDATE,
  DELETE
}
