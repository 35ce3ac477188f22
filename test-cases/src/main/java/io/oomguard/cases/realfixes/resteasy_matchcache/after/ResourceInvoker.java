package io.oomguard.cases.realfixes.resteasy_matchcache.after;

/** Something a request can be dispatched to. */
public interface ResourceInvoker {
  Object invoke(HttpRequest request) throws Exception;
}
