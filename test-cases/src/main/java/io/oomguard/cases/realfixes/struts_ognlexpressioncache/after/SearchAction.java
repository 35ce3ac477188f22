package io.oomguard.cases.realfixes.struts_ognlexpressioncache.after;

/** An application action with a few bean properties. */
public class SearchAction {
  private String query;
  private int page;

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = page;
  }

  public String execute() {
    return "success";
  }
}
