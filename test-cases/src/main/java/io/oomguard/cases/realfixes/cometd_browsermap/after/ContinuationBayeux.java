package io.oomguard.cases.realfixes.cometd_browsermap.after;

/** The Bayeux implementation used with Jetty continuations. */
public class ContinuationBayeux extends AbstractBayeux {
  @Override
  protected ClientImpl newClient(String id) {
    return new ClientImpl(this, id);
  }
}
