package io.oomguard.cases.realfixes.lightblue_bulkexecutor.after;

public class Request {

  private final CrudOperation operation;
  private final String entity;

  public Request(CrudOperation operation, String entity) {
    this.operation = operation;
    this.entity = entity;
  }

  public CrudOperation getOperation() {
    return operation;
  }

  public String getEntity() {
    return entity;
  }
}
