package io.oomguard.cases.realfixes.resteasy_matchcache.before;

import java.util.List;
import javax.ws.rs.core.MediaType;

/** RESTEasy's view of the incoming request. */
public interface HttpRequest {
  String getMatchingPath();

  String getHttpMethod();

  /** The Content-Type, parameters included (e.g. multipart/form-data;boundary=...). */
  MediaType getMediaType();

  List<MediaType> getAcceptableMediaTypes();

  void setAttribute(String name, Object value);
}
