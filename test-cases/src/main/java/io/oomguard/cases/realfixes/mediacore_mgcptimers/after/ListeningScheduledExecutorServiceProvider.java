/*
 * RestComm/media-core -- https://github.com/RestComm/media-core/issues/356, fixed by PR #357
 * (commit 2d5715d6aef446a787e4629795647d0292b39313).
 * Every remote MGCP connection (one per call leg) schedules a timer on the shared MGCP scheduled
 * executor: a half-open timer, then a max-duration timer of hours; closing the connection only
 * cancels it. A cancelled task stays in the ScheduledThreadPoolExecutor's queue until its delay
 * elapses, so under load the queue held a cancelled timer for every call of the last hours.
 * Fix: setRemoveOnCancelPolicy(true) on the pool, so cancelled timers leave the queue at once.
 */
package io.oomguard.cases.realfixes.mediacore_mgcptimers.after;

import com.google.common.util.concurrent.ListeningScheduledExecutorService;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import jakarta.inject.Provider;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;

/** Provides the singleton scheduler of the MGCP stack (bound in the injector's MGCP module). */
public class ListeningScheduledExecutorServiceProvider
    implements Provider<ListeningScheduledExecutorService> {

  private static final int POOL_SIZE = Runtime.getRuntime().availableProcessors();

  @Override
  public ListeningScheduledExecutorService get() {
    ThreadFactory threadFactory = new ThreadFactoryBuilder().setNameFormat("mgcp-%d").build();
    ScheduledThreadPoolExecutor executor =
        (ScheduledThreadPoolExecutor) Executors.newScheduledThreadPool(POOL_SIZE, threadFactory);
    executor.setRemoveOnCancelPolicy(true);
    return MoreExecutors.listeningDecorator(executor);
  }
}
