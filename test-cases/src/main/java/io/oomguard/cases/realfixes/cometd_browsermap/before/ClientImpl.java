package io.oomguard.cases.realfixes.cometd_browsermap.before;

/** A connected Bayeux client; remembers which browser it runs in. */
public class ClientImpl {
  private final AbstractBayeux bayeux;
  private final String id;
  private String browserId;

  public ClientImpl(AbstractBayeux bayeux, String id) {
    this.bayeux = bayeux;
    this.id = id;
  }

  public String getId() {
    return id;
  }

  public void setBrowserId(String id) {
    if (browserId != null && !browserId.equals(id)) {
      bayeux.clientOffBrowser(browserId, this.id);
    }
    browserId = id;
    if (browserId != null) {
      bayeux.clientOnBrowser(browserId, this.id);
    }
  }

  public String getBrowserId() {
    return browserId;
  }

  /** Called when the client disconnects or times out. */
  public void remove() {
    bayeux.removeClient(id);
    final String oldBrowserId;
    synchronized (this) {
      oldBrowserId = browserId;
      browserId = null;
    }
    if (oldBrowserId != null) {
      bayeux.clientOffBrowser(oldBrowserId, id);
    }
  }
}
