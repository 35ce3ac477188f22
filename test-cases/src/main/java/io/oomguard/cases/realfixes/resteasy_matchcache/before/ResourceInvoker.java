package io.oomguard.cases.realfixes.resteasy_matchcache.before;

/** Something a request can be dispatched to. */
public interface ResourceInvoker {
  Object invoke(HttpRequest request) throws Exception;
}
