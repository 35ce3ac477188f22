package io.oomguard.cases.realfixes.ecchronos_jolokiaconnect.after;

import java.util.Map;
import java.util.UUID;

/** The native (CQL) connection provider's view of the cluster's nodes (reduced). */
public interface NodeDirectory {
  Map<UUID, Node> getNodes();
}
