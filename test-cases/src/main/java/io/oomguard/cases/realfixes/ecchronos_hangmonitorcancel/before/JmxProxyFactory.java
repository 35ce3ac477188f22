package io.oomguard.cases.realfixes.ecchronos_hangmonitorcancel.before;

import java.io.IOException;

public interface JmxProxyFactory {
  JmxProxy connect() throws IOException;
}
