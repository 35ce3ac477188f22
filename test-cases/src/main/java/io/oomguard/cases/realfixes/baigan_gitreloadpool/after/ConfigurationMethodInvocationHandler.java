package io.oomguard.cases.realfixes.baigan_gitreloadpool.after;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Backs the application's configuration interfaces: every call of a method of such a proxy reads
 * the configuration "namespace.method" from the repository.
 */
@Service
public class ConfigurationMethodInvocationHandler implements InvocationHandler {

  private final ConfigurationRepository configurationRepository;

  public ConfigurationMethodInvocationHandler(ConfigurationRepository configurationRepository) {
    this.configurationRepository = configurationRepository;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) {
    String key = method.getDeclaringClass().getSimpleName() + "." + method.getName();
    Optional<Configuration> configuration = configurationRepository.get(key);
    return configuration.map(Configuration::defaultValue).orElse(null);
  }
}
