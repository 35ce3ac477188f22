/*
 * Modeled on CometD, issue COMETD-96 (https://github.com/cometd/cometd/issues/96, "Memory leak in
 * browser-to-client mapping"), fixed by
 * https://github.com/cometd/cometd/commit/9319d78dae6313907ff7f1382c62786f45a47052.
 *
 * The Bayeux server (one per servlet) mapped each browser id (a random id set in a cookie) to the
 * list of client ids connected from that browser. When a client went away its id was removed from
 * the list, but the emptied list stayed in the map under the browser id, so the map gained an
 * entry for every browser that ever connected.
 */
package io.oomguard.cases.realfixes.cometd_browsermap.before;

import java.security.SecureRandom;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The Bayeux server state: clients by id, and clients by browser. */
public abstract class AbstractBayeux {
  public static final String CLIENT_FIELD = "clientId";

  private final Random random = new SecureRandom();

  protected final ConcurrentHashMap<String, ClientImpl> clients = new ConcurrentHashMap<>();

  // BUG: Diagnostic contains: UnboundedCache
  protected final ConcurrentHashMap<String, List<String>> _browser2client =
      new ConcurrentHashMap<String, List<String>>();

  /** Handles a handshake: creates and registers a new client. */
  public ClientImpl handshake() {
    ClientImpl client = newClient(Long.toString(Math.abs(random.nextLong()), 36));
    clients.put(client.getId(), client);
    return client;
  }

  protected abstract ClientImpl newClient(String id);

  public ClientImpl getClient(String clientId) {
    return clientId == null ? null : clients.get(clientId);
  }

  ClientImpl removeClient(String clientId) {
    return clients.remove(clientId);
  }

  long randomLong() {
    long l = random.nextLong();
    return l < 0 ? -l : l;
  }

  void clientOnBrowser(String browserId, String clientId) {
    List<String> clients = _browser2client.get(browserId);
    if (clients == null) {
      List<String> newClients = new CopyOnWriteArrayList<String>();
      clients = _browser2client.putIfAbsent(browserId, newClients);
      if (clients == null) {
        clients = newClients;
      }
    }
    clients.add(clientId);
  }

  void clientOffBrowser(String browserId, String clientId) {
    List<String> clients = _browser2client.get(browserId);
    if (clients != null) {
      clients.remove(clientId);
    }
  }

  List<String> clientsOnBrowser(String browserId) {
    List<String> clients = _browser2client.get(browserId);
    if (clients == null) {
      return Collections.emptyList();
    }
    return clients;
  }
}
