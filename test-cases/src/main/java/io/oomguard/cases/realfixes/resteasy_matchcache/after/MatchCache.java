package io.oomguard.cases.realfixes.resteasy_matchcache.after;

import java.util.List;
import java.util.Objects;
import javax.ws.rs.core.MediaType;

/** The outcome of matching a request, and the key it is cached under. */
public class MatchCache {
  public MediaType chosen;
  public SegmentNode.Match match;
  public ResourceInvoker invoker;

  /** Path, start, method, Content-Type and Accept of a request. */
  public static class Key {
    public String path;
    public int start;
    public String method;
    public MediaType contentType;
    public List<MediaType> accepts;

    public Key(HttpRequest request, int start) {
      String matchingPath = request.getMatchingPath();
      this.path = start == 0 ? matchingPath : matchingPath.substring(start);
      this.start = start;
      this.method = request.getHttpMethod();
      this.contentType = request.getMediaType();
      this.accepts = request.getAcceptableMediaTypes();
    }

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      if (o == null || getClass() != o.getClass()) {
        return false;
      }
      Key key = (Key) o;
      boolean b =
          start == key.start
              && path.equals(key.path)
              && method.equals(key.method)
              && Objects.equals(contentType, key.contentType);
      if (!b) {
        return false;
      }
      if (accepts.isEmpty() && key.accepts.isEmpty()) {
        return true;
      }
      if (accepts.size() != key.accepts.size()) {
        return false;
      }
      return accepts.equals(key.accepts);
    }

    @Override
    public int hashCode() {
      return Objects.hash(path, start, method);
    }
  }
}
