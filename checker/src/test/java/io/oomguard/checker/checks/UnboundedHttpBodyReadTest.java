package io.oomguard.checker.checks;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Focused cases for {@link UnboundedHttpBodyRead}; the full range of stacks and shapes is in the
 * corpus ({@code test-cases/.../httpbody}) and the tracing itself is tested in {@code
 * io.oomguard.checker.streams}.
 */
final class UnboundedHttpBodyReadTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(UnboundedHttpBodyRead.class, getClass());

  @Test
  void readAllBytesAfterContentLengthGuard_noFinding() {
    helper
        .addSourceLines(
            "Scraper.java",
            "import java.io.IOException;",
            "import java.io.InputStream;",
            "import java.net.HttpURLConnection;",
            "class Scraper {",
            "  byte[] scrape(HttpURLConnection conn) throws IOException {",
            "    if (conn.getContentLengthLong() > 8_000_000) {",
            "      throw new IOException(\"too large\");",
            "    }",
            "    try (InputStream in = conn.getInputStream()) {",
            "      return in.readAllBytes();",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void readNBytesWithALimit_noFinding() {
    helper
        .addSourceLines(
            "Scraper.java",
            "import java.io.IOException;",
            "import java.net.HttpURLConnection;",
            "class Scraper {",
            "  byte[] scrape(HttpURLConnection conn) throws IOException {",
            "    return conn.getInputStream().readNBytes(1 << 20);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void wholeReadOfLocalContent_noFinding() {
    helper
        .addSourceLines(
            "Templates.java",
            "import java.io.IOException;",
            "import java.nio.file.Files;",
            "import java.nio.file.Path;",
            "import org.apache.commons.io.IOUtils;",
            "class Templates {",
            "  String load(Path path) throws IOException {",
            "    return IOUtils.toString(Files.newInputStream(path), \"UTF-8\")",
            "        + IOUtils.toString(Templates.class.getResource(\"/t.txt\"), \"UTF-8\");",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void okHttpPeekBodyWithALimit_noFinding() {
    helper
        .addSourceLines(
            "Logger.java",
            "import java.io.IOException;",
            "import okhttp3.Response;",
            "class Logger {",
            "  String head(Response response) throws IOException {",
            "    return response.peekBody(4096).string();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void clientCallsThatDeserializeOrStayBounded_noFinding() {
    helper
        .addSourceLines(
            "Client.java",
            "import org.springframework.web.client.RestTemplate;",
            "import org.springframework.web.reactive.function.client.WebClient;",
            "import reactor.core.publisher.Mono;",
            "class Client {",
            "  record Quote(String symbol) {}",
            "  Quote quote(RestTemplate rest) {",
            "    return rest.getForObject(\"https://quotes/x\", Quote.class);",
            "  }",
            "  Mono<String> text(WebClient web) {",
            "    return web.get().uri(\"https://quotes/x\").retrieve().bodyToMono(String.class);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void readAllBytesOnAConnectionStream_namesSourceCallAndRemedy() {
    helper
        .addSourceLines(
            "Scraper.java",
            "import java.io.IOException;",
            "import java.io.InputStream;",
            "import java.net.HttpURLConnection;",
            "import java.net.URL;",
            "class Scraper {",
            "  byte[] scrape(String target) throws IOException {",
            "    HttpURLConnection conn = (HttpURLConnection) new URL(target).openConnection();",
            "    try (InputStream in = conn.getInputStream()) {",
            "      // BUG: Diagnostic contains: `readAllBytes()` reads the whole body of"
                + " `HttpURLConnection.getInputStream()` into memory with no size limit",
            "      // so one large body can exhaust the heap",
            "      // readNBytes(limit)",
            "      // Content-Length check",
            "      return in.readAllBytes();",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void readNBytesOfIntegerMaxValue_isAWholeRead() {
    helper
        .addSourceLines(
            "Scraper.java",
            "import java.io.IOException;",
            "import java.net.HttpURLConnection;",
            "class Scraper {",
            "  byte[] scrape(HttpURLConnection conn) throws IOException {",
            "    // BUG: Diagnostic contains: `readNBytes(Integer.MAX_VALUE)`",
            "    return conn.getInputStream().readNBytes(Integer.MAX_VALUE);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void streamKeptInAFieldAndReadElsewhere_finding() {
    helper
        .addSourceLines(
            "Download.java",
            "import java.io.IOException;",
            "import java.io.InputStream;",
            "class Download {",
            "  private InputStream body;",
            "  void start(okhttp3.Response response) {",
            "    body = response.body().byteStream();",
            "  }",
            "  byte[] finish() throws IOException {",
            "    // BUG: Diagnostic contains: `ResponseBody.byteStream()`",
            "    return body.readAllBytes();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void httpApiOnAnEntityOfUnknownOrigin_finding() {
    helper
        .addSourceLines(
            "Entities.java",
            "import java.io.IOException;",
            "import org.apache.http.HttpEntity;",
            "import org.apache.http.util.EntityUtils;",
            "class Entities {",
            "  static String text(HttpEntity entity) throws IOException {",
            "    // BUG: Diagnostic contains: Stream entity.getContent() instead",
            "    return EntityUtils.toString(entity);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void copyIntoAByteArrayOutputStream_finding() {
    helper
        .addSourceLines(
            "Filter.java",
            "import java.io.ByteArrayOutputStream;",
            "import java.io.IOException;",
            "import com.google.common.io.ByteStreams;",
            "class Filter {",
            "  byte[] body(jakarta.servlet.http.HttpServletRequest request) throws IOException {",
            "    ByteArrayOutputStream copy = new ByteArrayOutputStream();",
            "    // BUG: Diagnostic contains: `ByteStreams.copy(...)` into a"
                + " `ByteArrayOutputStream`",
            "    ByteStreams.copy(request.getInputStream(), copy);",
            "    return copy.toByteArray();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void bodyHandedToAUtilClassOfAnotherFile_reportedAtTheCall() {
    helper
        .addSourceLines(
            "StreamUtil.java",
            "import java.io.BufferedReader;",
            "import java.io.IOException;",
            "import java.io.InputStream;",
            "import java.io.InputStreamReader;",
            "final class StreamUtil {",
            "  static String readString(InputStream in) throws IOException {",
            "    char[] buffer = new char[4096];",
            "    StringBuilder text = new StringBuilder();",
            "    BufferedReader reader = new BufferedReader(new InputStreamReader(in));",
            "    int n;",
            "    while ((n = reader.read(buffer)) != -1) {",
            "      text.append(buffer, 0, n);",
            "    }",
            "    return text.toString();",
            "  }",
            "}")
        .addSourceLines(
            "UserInfo.java",
            "import java.io.IOException;",
            "import org.apache.http.HttpResponse;",
            "class UserInfo {",
            "  String fetch(HttpResponse response) throws IOException {",
            "    // BUG: Diagnostic contains: `StreamUtil.readString(...)` reads the whole body of"
                + " `HttpEntity.getContent()`",
            "    return StreamUtil.readString(response.getEntity().getContent());",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void bodyReadThroughALimitingStreamOfAnotherFile_noFinding() {
    helper
        .addSourceLines(
            "SafeInputStream.java",
            "import java.io.FilterInputStream;",
            "import java.io.IOException;",
            "import java.io.InputStream;",
            "class SafeInputStream extends FilterInputStream {",
            "  private final long max;",
            "  private long consumed;",
            "  SafeInputStream(InputStream in, long max) {",
            "    super(in);",
            "    this.max = max;",
            "  }",
            "  @Override",
            "  public int read(byte[] b, int off, int len) throws IOException {",
            "    int n = super.read(b, off, len);",
            "    consumed += Math.max(n, 0);",
            "    if (consumed > max) {",
            "      throw new IOException(\"too large\");",
            "    }",
            "    return n;",
            "  }",
            "}")
        .addSourceLines(
            "UserInfo.java",
            "import java.io.IOException;",
            "import org.apache.http.HttpResponse;",
            "class UserInfo {",
            "  byte[] fetch(HttpResponse response) throws IOException {",
            "    return new SafeInputStream(response.getEntity().getContent(), 1 << 20).readAllBytes();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void requestStreamHandedToAServiceOfAnotherFile_reportedAtTheRead() {
    helper
        .addSourceLines(
            "Importer.java",
            "import java.io.IOException;",
            "import java.io.InputStream;",
            "interface Importer {",
            "  long importAsset(String name, InputStream content) throws IOException;",
            "}")
        .addSourceLines(
            "BufferingImporter.java",
            "import java.io.IOException;",
            "import java.io.InputStream;",
            "class BufferingImporter implements Importer {",
            "  @Override",
            "  public long importAsset(String name, InputStream content) throws IOException {",
            "    // BUG: Diagnostic contains: `HttpServletRequest.getInputStream()` in `doPost`",
            "    return content.readAllBytes().length;",
            "  }",
            "}")
        .addSourceLines(
            "UploadServlet.java",
            "import java.io.IOException;",
            "import javax.servlet.http.HttpServlet;",
            "import javax.servlet.http.HttpServletRequest;",
            "import javax.servlet.http.HttpServletResponse;",
            "class UploadServlet extends HttpServlet {",
            "  private final transient Importer importer = new BufferingImporter();",
            "  @Override",
            "  protected void doPost(HttpServletRequest req, HttpServletResponse resp)",
            "      throws IOException {",
            "    importer.importAsset(req.getPathInfo(), req.getInputStream());",
            "  }",
            "}")
        .doTest();
  }

  /** Capping a body changes behaviour for large ones; the check leaves that choice to a human. */
  @Test
  void offersNoFix() {
    BugCheckerRefactoringTestHelper.newInstance(UnboundedHttpBodyRead.class, getClass())
        .addInputLines(
            "Scraper.java",
            "import java.io.IOException;",
            "import java.net.HttpURLConnection;",
            "class Scraper {",
            "  byte[] scrape(HttpURLConnection conn) throws IOException {",
            "    return conn.getInputStream().readAllBytes();",
            "  }",
            "}")
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }
}
