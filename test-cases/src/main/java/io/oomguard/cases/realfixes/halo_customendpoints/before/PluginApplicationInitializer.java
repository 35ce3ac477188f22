package io.oomguard.cases.realfixes.halo_customendpoints.before;

import org.springframework.context.support.GenericApplicationContext;

/** Creates and starts the application context of a plugin when the plugin starts. */
public class PluginApplicationInitializer {
  public GenericApplicationContext createPluginApplicationContext(
      String pluginId, ClassLoader pluginClassLoader) {
    GenericApplicationContext pluginApplicationContext = new GenericApplicationContext();
    pluginApplicationContext.setClassLoader(pluginClassLoader);
    pluginApplicationContext.refresh();
    ExtensionContextRegistry.getInstance().register(pluginId, pluginApplicationContext);
    return pluginApplicationContext;
  }
}
