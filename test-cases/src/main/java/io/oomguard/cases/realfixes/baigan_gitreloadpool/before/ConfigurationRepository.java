package io.oomguard.cases.realfixes.baigan_gitreloadpool.before;

import java.util.Optional;

public interface ConfigurationRepository {
  Optional<Configuration> get(String key);
}
