package com.example;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * A Spring service as Lombok users write them. With {@code @RequiredArgsConstructor} before {@code
 * @Slf4j}, Lombok puts the logger first in the class body, positioned at its annotation, before the
 * class's open brace: Error Prone's helper for adding a member first then threw "Found no open
 * brace for class" and the build failed.
 */
@Service
@RequiredArgsConstructor
@Slf4j
public class ReportService {
  private static final int POOL_SIZE = 4;

  private final OrderLabels labels;

  @Value("${reports.title:Reports}")
  private String title;

  private final Cache<String, String> rendered = Caffeine.newBuilder().recordStats().build();

  private ExecutorService executor;

  @PostConstruct
  void start() {
    executor = Executors.newFixedThreadPool(POOL_SIZE);
    log.info("{} started", title);
  }

  /** Called for every report request. */
  public void render(String id) {
    executor.submit(() -> rendered.put(id, title + ": " + id));
  }

  @PreDestroy
  void stop() {
    executor.shutdown();
  }
}
