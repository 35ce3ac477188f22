package io.oomguard.cases.realfixes.ecchronos_jolokiaconnect.before;

import java.util.UUID;

/** A Cassandra node as the driver's metadata describes it (reduced). */
public record Node(UUID getHostId, String getHost) {}
