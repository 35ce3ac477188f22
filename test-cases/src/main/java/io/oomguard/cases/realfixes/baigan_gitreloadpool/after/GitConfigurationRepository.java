package io.oomguard.cases.realfixes.baigan_gitreloadpool.after;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.LoadingCache;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Keeps the Git file's configurations in a cache refreshed every few minutes. */
public class GitConfigurationRepository implements ConfigurationRepository {

  private final LoadingCache<String, Map<String, Configuration>> cachedConfigurations;
  private final GitConfig gitConfig;

  public GitConfigurationRepository(
      long refreshIntervalInMinutes, GitConfig gitConfig, ContentsService contentsService) {
    this.gitConfig = gitConfig;
    this.cachedConfigurations =
        CacheBuilder.newBuilder()
            .refreshAfterWrite(refreshIntervalInMinutes, TimeUnit.MINUTES)
            .build(new GitCacheLoader(gitConfig, contentsService));
  }

  @Override
  public Optional<Configuration> get(String key) {
    try {
      return Optional.ofNullable(cachedConfigurations.get(gitConfig.sourceFile()).get(key));
    } catch (ExecutionException e) {
      return Optional.empty();
    }
  }
}
