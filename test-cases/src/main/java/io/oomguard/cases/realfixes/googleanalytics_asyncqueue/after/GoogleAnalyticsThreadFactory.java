package io.oomguard.cases.realfixes.googleanalytics_asyncqueue.after;

import java.text.MessageFormat;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

public class GoogleAnalyticsThreadFactory implements ThreadFactory {

  private final AtomicInteger threadNumber = new AtomicInteger(1);
  private final String threadNameFormat;

  public GoogleAnalyticsThreadFactory(String threadNameFormat) {
    this.threadNameFormat = threadNameFormat;
  }

  @Override
  public Thread newThread(Runnable r) {
    Thread thread =
        new Thread(r, MessageFormat.format(threadNameFormat, threadNumber.getAndIncrement()));
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    return thread;
  }
}
