package io.oomguard.cases.realfixes.decanter_restservlet.after;

import java.io.InputStream;
import java.util.Map;

/** Decanter's marshaller API: turns a collected payload into event data (JSON, CSV, raw...). */
public interface Unmarshaller {
  Map<String, Object> unmarshal(InputStream in);
}
