package io.oomguard.cases.realfixes.scgmvc_headersfilters.after;

import java.util.function.BiFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/** A bean that rewrites proxied headers (forwarded, hop-by-hop, ...). */
public interface HttpHeadersFilter<TYPE> extends BiFunction<HttpHeaders, TYPE, HttpHeaders> {
  interface RequestHttpHeadersFilter extends HttpHeadersFilter<ServerRequest> {}

  interface ResponseHttpHeadersFilter extends HttpHeadersFilter<ServerResponse> {}
}
