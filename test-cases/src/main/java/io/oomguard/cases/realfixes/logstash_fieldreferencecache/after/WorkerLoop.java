package io.oomguard.cases.realfixes.logstash_fieldreferencecache.after;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** A pipeline worker: reads batches from the queue and runs the filters on them. */
public final class WorkerLoop implements Runnable {
  private final BlockingQueue<Event> queue;
  private final List<Filter> filters;
  private final int batchSize;
  private volatile boolean running = true;

  public WorkerLoop(BlockingQueue<Event> queue, List<Filter> filters, int batchSize) {
    this.queue = queue;
    this.filters = filters;
    this.batchSize = batchSize;
  }

  @Override
  public void run() {
    while (running) {
      List<Event> batch = new ArrayList<>(batchSize);
      try {
        Event first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      queue.drainTo(batch, batchSize - 1);
      Collection<Event> current = batch;
      for (Filter filter : filters) {
        current = filter.filter(current);
      }
    }
  }

  public void stop() {
    running = false;
  }
}
