package io.oomguard.cases.realfixes.ecchronos_hangmonitorexecutor.after;

import java.io.IOException;

public interface JmxProxyFactory {
  JmxProxy connect() throws IOException;
}
