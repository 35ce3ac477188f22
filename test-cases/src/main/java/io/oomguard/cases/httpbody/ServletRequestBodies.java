package io.oomguard.cases.httpbody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.io.ByteStreams;
import com.google.common.io.CharStreams;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.apache.commons.io.IOUtils;
import org.apache.commons.io.input.BoundedInputStream;

/** Request bodies on the server side: Servlet API, javax and jakarta flavours. */
public class ServletRequestBodies {
  static final int MAX_BODY = 1024 * 1024;

  /** javax: an upload endpoint on an old container. */
  public static class LegacyImportServlet extends javax.servlet.http.HttpServlet {
    @Override
    protected void doPost(
        javax.servlet.http.HttpServletRequest req, javax.servlet.http.HttpServletResponse resp)
        throws IOException {
      // BUG: Diagnostic contains: `IOUtils.toByteArray(...)` reads the whole body of
      // `HttpServletRequest.getInputStream()`
      byte[] payload = IOUtils.toByteArray(req.getInputStream());
      resp.setStatus(payload.length == 0 ? 204 : 202);
    }

    @Override
    protected void doPut(
        javax.servlet.http.HttpServletRequest req, javax.servlet.http.HttpServletResponse resp)
        throws IOException {
      InputStream body = new BufferedInputStream(req.getInputStream(), 64 * 1024);
      // BUG: Diagnostic contains: `ByteStreams.toByteArray(...)`
      byte[] payload = ByteStreams.toByteArray(body);
      resp.setContentLength(payload.length);
    }

    /** The servlet API has no doPatch; the usual workaround dispatches it by hand. */
    @Override
    protected void service(
        javax.servlet.http.HttpServletRequest req, javax.servlet.http.HttpServletResponse resp)
        throws IOException, javax.servlet.ServletException {
      if ("PATCH".equals(req.getMethod())) {
        doPatch(req, resp);
      } else {
        super.service(req, resp);
      }
    }

    /** Rejected before reading when the client declares a large body. */
    protected void doPatch(
        javax.servlet.http.HttpServletRequest req, javax.servlet.http.HttpServletResponse resp)
        throws IOException {
      long declared = req.getContentLengthLong();
      if (declared < 0 || declared > MAX_BODY) {
        resp.sendError(413);
        return;
      }
      String patch = IOUtils.toString(req.getInputStream(), StandardCharsets.UTF_8);
      resp.getWriter().write(patch.length());
    }

    /** commons-io's limiting wrapper makes the whole read bounded. */
    @Override
    protected void doDelete(
        javax.servlet.http.HttpServletRequest req, javax.servlet.http.HttpServletResponse resp)
        throws IOException {
      InputStream bounded =
          BoundedInputStream.builder()
              .setInputStream(req.getInputStream())
              .setMaxCount(MAX_BODY)
              .get();
      String reason = IOUtils.toString(bounded, StandardCharsets.UTF_8);
      resp.setHeader("X-Reason-Length", Integer.toString(reason.length()));
    }
  }

  /** jakarta: a webhook receiver behind a load balancer with no body limit. */
  public static class WebhookServlet extends jakarta.servlet.http.HttpServlet {
    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    protected void doPost(
        jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse resp)
        throws IOException {
      // BUG: Diagnostic contains: `HttpServletRequest.getReader()`
      String json = req.getReader().lines().collect(Collectors.joining());
      resp.setStatus(json.isEmpty() ? 400 : 202);
    }

    /** Parsed straight from the stream: no copy of the raw body is held. */
    @Override
    protected void doPut(
        jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse resp)
        throws IOException {
      JsonNode event = mapper.readTree(req.getInputStream());
      resp.setStatus(event.has("id") ? 202 : 400);
    }

    @Override
    protected void service(
        jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse resp)
        throws IOException, jakarta.servlet.ServletException {
      if ("PATCH".equals(req.getMethod())) {
        doPatch(req, resp);
      } else {
        super.service(req, resp);
      }
    }

    /** Guava's limit bounds the read. */
    protected void doPatch(
        jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse resp)
        throws IOException {
      byte[] capped = ByteStreams.toByteArray(ByteStreams.limit(req.getInputStream(), MAX_BODY));
      resp.setContentLength(capped.length);
    }

    /** Spooled to disk rather than memory. */
    @Override
    protected void doDelete(
        jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse resp)
        throws IOException {
      Path spool = Files.createTempFile("webhook", ".json");
      try (OutputStream out = Files.newOutputStream(spool)) {
        req.getInputStream().transferTo(out);
      }
      resp.setStatus(202);
    }
  }

  /** A request-logging filter: reads every request body to log it. */
  public static class BodyLoggingFilter implements jakarta.servlet.Filter {
    @Override
    public void doFilter(
        jakarta.servlet.ServletRequest request,
        jakarta.servlet.ServletResponse response,
        jakarta.servlet.FilterChain chain)
        throws IOException, jakarta.servlet.ServletException {
      // BUG: Diagnostic contains: `CharStreams.toString(...)`
      String body = CharStreams.toString(request.getReader());
      request.setAttribute("loggedBody", body);
      chain.doFilter(request, response);
    }
  }

  /** The "read the body twice" wrapper: caches the whole request body when it is created. */
  public static class CachedBodyRequest extends jakarta.servlet.http.HttpServletRequestWrapper {
    private final byte[] body;

    public CachedBodyRequest(jakarta.servlet.http.HttpServletRequest request) throws IOException {
      super(request);
      // BUG: Diagnostic contains: `HttpServletRequest.getInputStream()`
      this.body = request.getInputStream().readAllBytes();
    }

    public byte[] cachedBody() {
      return body.clone();
    }
  }

  /** Multipart parts of a jakarta upload form. */
  public static class AvatarServlet extends jakarta.servlet.http.HttpServlet {
    @Override
    protected void doPost(
        jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse resp)
        throws IOException, jakarta.servlet.ServletException {
      jakarta.servlet.http.Part avatar = req.getPart("avatar");
      try (InputStream in = avatar.getInputStream()) {
        // BUG: Diagnostic contains: `Part.getInputStream()`
        byte[] image = in.readAllBytes();
        resp.setContentLength(image.length);
      }
    }

    /** The part's declared size is checked first. */
    @Override
    protected void doPut(
        jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse resp)
        throws IOException, jakarta.servlet.ServletException {
      jakarta.servlet.http.Part avatar = req.getPart("avatar");
      if (avatar.getSize() > MAX_BODY) {
        resp.sendError(413);
        return;
      }
      try (InputStream in = avatar.getInputStream()) {
        resp.setContentLength(in.readAllBytes().length);
      }
    }
  }

  /**
   * A project's own wrapper: its name says it limits, but oomguard cannot see that it does, so the
   * read stays reported (use a known limiter, or suppress with a reason).
   */
  public static class CustomWrapperServlet extends javax.servlet.http.HttpServlet {
    @Override
    protected void doPost(
        javax.servlet.http.HttpServletRequest req, javax.servlet.http.HttpServletResponse resp)
        throws IOException {
      try (InputStream in = new SizeLimitedInputStream(req.getInputStream(), MAX_BODY)) {
        // BUG: Diagnostic contains: UnboundedHttpBodyRead
        resp.setContentLength(in.readAllBytes().length);
      }
    }
  }

  static final class SizeLimitedInputStream extends FilterInputStream {
    private final long max;

    SizeLimitedInputStream(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    long max() {
      return max;
    }
  }
}
