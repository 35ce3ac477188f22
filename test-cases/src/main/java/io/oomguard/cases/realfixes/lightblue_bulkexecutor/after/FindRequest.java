package io.oomguard.cases.realfixes.lightblue_bulkexecutor.after;

public class FindRequest extends Request {

  private final String query;

  public FindRequest(String entity, String query) {
    super(CrudOperation.FIND, entity);
    this.query = query;
  }

  public String getQuery() {
    return query;
  }
}
