package io.oomguard.cases.realfixes.ecchronos_hangmonitorcancel.after;

import java.util.Map;
import java.util.UUID;

public class VnodeRepairTask extends RepairTask {

  private final long rangeStart;
  private final long rangeEnd;

  public VnodeRepairTask(
      UUID nodeID, JmxProxyFactory jmxProxyFactory, String keyspace, long start, long end) {
    super(nodeID, jmxProxyFactory, keyspace, 30);
    this.rangeStart = start;
    this.rangeEnd = end;
  }

  @Override
  protected Map<String, String> getOptions() {
    return Map.of("ranges", rangeStart + ":" + rangeEnd);
  }
}
