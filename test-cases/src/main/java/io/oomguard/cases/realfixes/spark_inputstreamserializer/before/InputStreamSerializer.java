/*
 * Spark (perwendel/spark), response serialization.
 * Bug fix: https://github.com/perwendel/spark/pull/358 (commit b75ae9f5, "copy stream directly
 * rather than buffer as a utf-8 string").
 *
 * What grew: when a route returned an InputStream (a file, a download, a proxied body), the
 * serializer read it whole into an unsized StringWriter through Spark's own IOUtils.toString
 * before writing it out, so every such response was held in memory in full ("The InputStream
 * might be large (making buffering a problem)").
 */
package io.oomguard.cases.realfixes.spark_inputstreamserializer.before;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

class InputStreamSerializer extends Serializer {
  @Override
  public boolean canProcess(Object element) {
    return element instanceof InputStream;
  }

  @Override
  public void process(OutputStream outputStream, Object element) throws IOException {
    String content = IOUtils.toString((InputStream) element);
    outputStream.write(content.getBytes(StandardCharsets.UTF_8));
  }
}
