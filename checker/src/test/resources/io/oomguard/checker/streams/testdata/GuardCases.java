package testdata;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.util.function.Supplier;

/** Each {@code read()} call is reported when ContentLengthGuards sees a guard before it. */
abstract class GuardCases {
  static final long MAX = 1 << 20;

  abstract byte[] read();

  void rejectsLargeBodies(HttpURLConnection conn) throws IOException {
    if (conn.getContentLengthLong() > MAX) {
      throw new IOException("too large");
    }
    // BUG: Diagnostic contains: guarded
    read();
  }

  void acceptsSmallBodies(javax.servlet.http.HttpServletRequest request) {
    if (request.getContentLength() <= 65_536) {
      // BUG: Diagnostic contains: guarded
      read();
    }
  }

  void throughALocal(okhttp3.ResponseBody body) {
    long declared = body.contentLength();
    if (declared >= MAX) {
      return;
    }
    // BUG: Diagnostic contains: guarded
    read();
  }

  void headerByName(com.sun.net.httpserver.HttpExchange exchange) {
    String length = exchange.getRequestHeaders().getFirst("content-length");
    if (length == null || Long.parseLong(length) > MAX) {
      return;
    }
    // BUG: Diagnostic contains: guarded
    read();
  }

  void headerByConstant(jakarta.servlet.http.HttpServletRequest request, long limit) {
    if (Long.parseLong(request.getHeader(org.springframework.http.HttpHeaders.CONTENT_LENGTH))
        > limit) {
      return;
    }
    // BUG: Diagnostic contains: guarded
    read();
  }

  void uploadSize(org.springframework.web.multipart.MultipartFile file) {
    if (file.getSize() > MAX) {
      return;
    }
    // BUG: Diagnostic contains: guarded
    read();
  }

  Supplier<byte[]> insideALambda(HttpURLConnection conn) {
    return () -> {
      if (conn.getContentLength() > 4096) {
        return new byte[0];
      }
      // BUG: Diagnostic contains: guarded
      return read();
    };
  }

  /** A read helper whose every caller in the file checks the length first. */
  private byte[] readBody(HttpURLConnection conn) {
    // BUG: Diagnostic contains: guarded
    return read();
  }

  byte[] firstCaller(HttpURLConnection conn) throws IOException {
    if (conn.getContentLengthLong() > MAX) {
      throw new IOException("too large");
    }
    return readBody(conn);
  }

  byte[] secondCaller(HttpURLConnection conn) {
    return conn.getContentLength() < 4096 ? readBody(conn) : new byte[0];
  }

  // ---- Not guards. ----

  /** One caller of this helper does not check. */
  private byte[] readOther(HttpURLConnection conn) {
    return read();
  }

  byte[] checkingCaller(HttpURLConnection conn) throws IOException {
    if (conn.getContentLengthLong() > MAX) {
      throw new IOException("too large");
    }
    return readOther(conn);
  }

  byte[] carelessCaller(HttpURLConnection conn) {
    return readOther(conn);
  }

  void onlyAsksWhetherThereIsABody(HttpURLConnection conn) {
    if (conn.getContentLength() > 0) {
      read();
    }
    if (conn.getContentLengthLong() != -1) {
      read();
    }
  }

  void onlyAsksWhetherItFitsAnArray(HttpURLConnection conn) throws IOException {
    if (conn.getContentLengthLong() > Integer.MAX_VALUE) {
      throw new IOException("cannot buffer");
    }
    read();
  }

  void checksAfterTheRead(HttpURLConnection conn) throws IOException {
    read();
    if (conn.getContentLengthLong() > MAX) {
      throw new IOException("too large");
    }
  }

  void comparesSomethingElse(HttpURLConnection conn) throws IOException {
    if (conn.getResponseCode() >= 400) {
      return;
    }
    read();
  }
}
