package io.oomguard.cases.realfixes.lightblue_bulkexecutor.before;

public enum CrudOperation {
  FIND,
  INSERT,
  UPDATE,
  DELETE
}
