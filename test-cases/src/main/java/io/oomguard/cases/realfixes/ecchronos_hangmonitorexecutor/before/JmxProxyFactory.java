package io.oomguard.cases.realfixes.ecchronos_hangmonitorexecutor.before;

import java.io.IOException;

public interface JmxProxyFactory {
  JmxProxy connect() throws IOException;
}
