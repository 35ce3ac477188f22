package io.oomguard.cases.realfixes.lodserver_timestampsave.before;

import java.util.List;
import java.util.UUID;

/** What the main thread hands over each tick: the players' positions and pending requests. */
public record TickSnapshot(List<UUID> onlinePlayers, boolean shutdown) {

  public static TickSnapshot shutdownSentinel() {
    return new TickSnapshot(List.of(), true);
  }
}
