package io.oomguard.cases.executors;

import java.util.concurrent.ThreadPoolExecutor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolExecutorFactoryBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** Spring executor beans: the queue capacity defaults to Integer.MAX_VALUE unless it is set. */
@Configuration
public class AsyncConfig {
  private final ThreadPoolTaskExecutor auditExecutor = new ThreadPoolTaskExecutor();

  private final int mailQueueCapacity;

  public AsyncConfig(int mailQueueCapacity) {
    this.mailQueueCapacity = mailQueueCapacity;
    auditExecutor.setCorePoolSize(1);
    auditExecutor.setQueueCapacity(10_000);
  }

  @Bean
  public ThreadPoolTaskExecutor reportExecutor() {
    // BUG: Diagnostic contains: queueCapacity is never set and defaults to Integer.MAX_VALUE
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(4);
    executor.setMaxPoolSize(16);
    executor.setThreadNamePrefix("report-");
    executor.initialize();
    return executor;
  }

  @Bean
  public ThreadPoolTaskExecutor defaultExecutor() {
    // BUG: Diagnostic contains: UnboundedExecutor
    return new ThreadPoolTaskExecutor();
  }

  @Bean
  public ThreadPoolTaskExecutor webhookExecutor() {
    // BUG: Diagnostic contains: queueCapacity is 0 and its maxPoolSize is left at Integer.MAX_VALUE
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(2);
    executor.setQueueCapacity(0);
    executor.initialize();
    return executor;
  }

  @Bean
  public ThreadPoolTaskExecutor importExecutor() {
    // BUG: Diagnostic contains: UnboundedExecutor
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setQueueCapacity(Integer.MAX_VALUE);
    return executor;
  }

  @Bean
  public ThreadPoolExecutorFactoryBean legacyExecutor() {
    // BUG: Diagnostic contains: This ThreadPoolExecutorFactoryBean has no bound
    ThreadPoolExecutorFactoryBean factory = new ThreadPoolExecutorFactoryBean();
    factory.setCorePoolSize(8);
    return factory;
  }

  @Bean
  public ThreadPoolTaskExecutor mailExecutor() {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(2);
    executor.setMaxPoolSize(4);
    executor.setQueueCapacity(mailQueueCapacity);
    executor.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
    executor.initialize();
    return executor;
  }

  @Bean
  public ThreadPoolTaskExecutor pushExecutor() {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setQueueCapacity(0);
    executor.setMaxPoolSize(32);
    return executor;
  }

  @Bean
  public ThreadPoolTaskExecutor auditExecutor() {
    return auditExecutor;
  }

  @Bean
  public ThreadPoolTaskExecutor searchExecutor() {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    applyLimits(executor, 500);
    return executor;
  }

  @Bean
  public ThreadPoolExecutorFactoryBean archiveExecutor() {
    ThreadPoolExecutorFactoryBean factory = new ThreadPoolExecutorFactoryBean();
    factory.setQueueCapacity(200);
    return factory;
  }

  private static void applyLimits(ThreadPoolTaskExecutor executor, int capacity) {
    executor.setMaxPoolSize(8);
    executor.setQueueCapacity(capacity);
  }
}
