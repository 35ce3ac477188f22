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
