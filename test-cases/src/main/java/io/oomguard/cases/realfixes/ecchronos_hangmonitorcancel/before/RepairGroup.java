package io.oomguard.cases.realfixes.ecchronos_hangmonitorcancel.before;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** A scheduled job's unit of work: repairs the token ranges of one replica group. */
public class RepairGroup {

  private final JmxProxyFactory myJmxProxyFactory;
  private final String myKeyspace;
  private final List<long[]> myTokenRanges;
  private final int myTokensPerRepair;

  public RepairGroup(
      JmxProxyFactory jmxProxyFactory, String keyspace, List<long[]> ranges, int tokensPerRepair) {
    myJmxProxyFactory = jmxProxyFactory;
    myKeyspace = keyspace;
    myTokenRanges = ranges;
    myTokensPerRepair = tokensPerRepair;
  }

  /** Called by the schedule manager every time the job is due. */
  public boolean execute(UUID nodeID) {
    boolean successful = true;
    Collection<RepairTask> tasks = getRepairTasks(nodeID);
    try {
      for (RepairTask repairTask : tasks) {
        try {
          repairTask.execute();
        } catch (Exception e) {
          successful = false;
        }
      }
    } finally {
      tasks.forEach(RepairTask::cleanup);
    }
    return successful;
  }

  public Collection<RepairTask> getRepairTasks(UUID nodeID) {
    Collection<RepairTask> tasks = new ArrayList<>();
    for (long[] range : myTokenRanges) {
      for (long start = range[0]; start < range[1]; start += myTokensPerRepair) {
        long end = Math.min(range[1], start + myTokensPerRepair);
        tasks.add(new VnodeRepairTask(nodeID, myJmxProxyFactory, myKeyspace, start, end));
      }
    }
    return tasks;
  }
}
