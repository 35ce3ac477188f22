/*
 * Modeled on Reactor Netty, commit fe6653fac44df16664bdd0628ad56cd142175bca
 * (https://github.com/reactor/reactor-netty/commit/fe6653fac44df16664bdd0628ad56cd142175bca,
 * "remove redundant hashmaps which lead to OOM"); also reported downstream as
 * https://github.com/linagora/james-project/issues/4511.
 *
 * Each route's UriPathTemplate memoized the regex Matcher and the extracted path parameters per
 * request URI in two HashMaps. Routes live as long as the server and URIs carry ids and query
 * strings, so both maps gained an entry per distinct request and were never cleared.
 *
 * The fix: both maps were removed; the matcher and the parameters are computed per call.
 */
package io.oomguard.cases.realfixes.reactornetty_uritemplate.after;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A route condition: HTTP method plus a URI template such as /users/{id}. */
final class HttpPredicate
    implements Predicate<HttpServerRequest>, Function<Object, Map<String, String>> {

  public static Predicate<HttpServerRequest> get(String uri) {
    return new HttpPredicate(uri, "GET");
  }

  public static Predicate<HttpServerRequest> post(String uri) {
    return new HttpPredicate(uri, "POST");
  }

  final String method;
  final String uri;
  final UriPathTemplate template;

  HttpPredicate(String uri, String method) {
    this.uri = uri;
    this.method = method;
    this.template = uri != null ? new UriPathTemplate(uri) : null;
  }

  /** Resolves the path parameters of a matched request URI. */
  @Override
  public Map<String, String> apply(Object key) {
    if (template == null) {
      return null;
    }
    Map<String, String> headers = template.match(key.toString());
    if (null != headers && !headers.isEmpty()) {
      return headers;
    }
    return null;
  }

  @Override
  public boolean test(HttpServerRequest key) {
    return (method == null || method.equals(key.method()))
        && (template == null || template.matches(key.uri()));
  }

  /** A URI template compiled to a regex with one named group per path variable. */
  static final class UriPathTemplate {

    private static final Pattern NAME_PATTERN = Pattern.compile("\\{([^/]+?)\\}");

    private final List<String> pathVariables = new ArrayList<>();

    private final Pattern uriPattern;

    static String filterQueryParams(String uri) {
      int hasQuery = uri.lastIndexOf("?");
      return hasQuery != -1 ? uri.substring(0, hasQuery) : uri;
    }

    UriPathTemplate(String uriPattern) {
      String s = "^" + filterQueryParams(uriPattern);
      Matcher m = NAME_PATTERN.matcher(s);
      while (m.find()) {
        String name = m.group(1);
        pathVariables.add(name);
        s = m.replaceFirst("(?<" + name + ">[^\\\\/]*)");
        m.reset(s);
      }
      this.uriPattern = Pattern.compile(s + "$");
    }

    public boolean matches(String uri) {
      return matcher(uri).matches();
    }

    Map<String, String> match(String uri) {
      Map<String, String> pathParameters = new HashMap<>(pathVariables.size());
      Matcher m = matcher(uri);
      if (m.matches()) {
        int i = 1;
        for (String name : pathVariables) {
          pathParameters.put(name, m.group(i++));
        }
      }
      return pathParameters;
    }

    private Matcher matcher(String uri) {
      uri = filterQueryParams(uri);
      return uriPattern.matcher(uri);
    }
  }
}
