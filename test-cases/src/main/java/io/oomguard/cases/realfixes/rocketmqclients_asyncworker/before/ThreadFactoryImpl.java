package io.oomguard.cases.realfixes.rocketmqclients_asyncworker.before;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

public class ThreadFactoryImpl implements ThreadFactory {

  private final AtomicLong threadIndex = new AtomicLong(0);
  private final String threadNamePrefix;

  public ThreadFactoryImpl(String threadNamePrefix, long clientIndex) {
    this.threadNamePrefix = threadNamePrefix + "-" + clientIndex + "-";
  }

  @Override
  public Thread newThread(Runnable r) {
    Thread thread = new Thread(r, threadNamePrefix + threadIndex.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }
}
