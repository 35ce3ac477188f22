/*
 * zalando-incubator/baigan-config -- https://github.com/zalando-incubator/baigan-config/issues/13,
 * fixed by PR #16 (commit b5afd3a435fc7b4e5bb4454a3d82dff7b764eeb4, "Fixed the threading issue").
 * The Guava cache holding the Git-backed configuration is built with refreshAfterWrite, so Guava
 * calls reload() on a read after every refresh interval. reload() created a new
 * newFixedThreadPool(10) on every call to run one Callable, and never shut it down: each refresh
 * leaked a pool and its thread.
 * Fix: one executor (a single-thread pool) in a field of the loader, reused by every reload.
 */
package io.oomguard.cases.realfixes.baigan_gitreloadpool.after;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.base.Strings;
import com.google.common.cache.CacheLoader;
import com.google.common.collect.ImmutableMap;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.ListeningExecutorService;
import com.google.common.util.concurrent.MoreExecutors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

/** Loads the configurations of one file of a GitHub repository. */
public class GitCacheLoader extends CacheLoader<String, Map<String, Configuration>> {

  private final GitConfig config;
  private final ContentsService contentsService;
  private final ListeningExecutorService executorService =
      MoreExecutors.listeningDecorator(Executors.newFixedThreadPool(1));
  private final ObjectMapper objectMapper = new ObjectMapper();
  private volatile String latestSha;

  public GitCacheLoader(GitConfig gitConfig, ContentsService contentsService) {
    this.config = gitConfig;
    this.contentsService = contentsService;
  }

  @Override
  public Map<String, Configuration> load(String key) throws Exception {
    RepositoryContents contents = getContentsForFile(key);
    if (contents == null) {
      return ImmutableMap.of();
    }
    return updateContent(contents);
  }

  @Override
  public ListenableFuture<Map<String, Configuration>> reload(
      String key, Map<String, Configuration> oldValue) throws Exception {
    return createFuture(key, oldValue);
  }

  private ListenableFuture<Map<String, Configuration>> createFuture(
      String sourceFile, Map<String, Configuration> oldValue) {
    Callable<Map<String, Configuration>> callable =
        () -> {
          RepositoryContents contents = getContentsForFile(sourceFile);
          // Keep the old value if GitHub is down or the file did not change.
          if (contents == null
              || Strings.isNullOrEmpty(contents.sha())
              || contents.sha().equals(latestSha)) {
            return oldValue;
          }
          return updateContent(contents);
        };

    return executorService.submit(callable);
  }

  private Map<String, Configuration> updateContent(RepositoryContents contents) {
    List<Configuration> configurations = getConfigurations(decode(contents.content()));
    latestSha = contents.sha();
    ImmutableMap.Builder<String, Configuration> builder = ImmutableMap.builder();
    for (Configuration each : configurations) {
      builder.put(each.alias(), each);
    }
    return builder.build();
  }

  private RepositoryContents getContentsForFile(String sourceFile) {
    try {
      return contentsService
          .getContents(config.repoOwner(), config.repoName(), sourceFile, config.repoRefs())
          .get(0);
    } catch (Exception e) {
      return null;
    }
  }

  private static String decode(String base64) {
    return new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8);
  }

  private List<Configuration> getConfigurations(String text) {
    try {
      return objectMapper.readValue(text, new TypeReference<List<Configuration>>() {});
    } catch (IOException e) {
      return List.of();
    }
  }
}
