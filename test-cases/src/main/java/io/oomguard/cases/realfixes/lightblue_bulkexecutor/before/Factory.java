package io.oomguard.cases.realfixes.lightblue_bulkexecutor.before;

/** Holds the CRUD configuration read at start-up. */
public class Factory {

  private int bulkParallelExecutions = 3;

  public int getBulkParallelExecutions() {
    return bulkParallelExecutions;
  }

  public void setBulkParallelExecutions(int bulkParallelExecutions) {
    this.bulkParallelExecutions = bulkParallelExecutions;
  }
}
