package hotpath;

import java.io.IOException;

class Servlets {
  static void probe() {}

  static class LegacyServlet extends javax.servlet.http.HttpServlet {
    @Override
    public void init() {
      probe();
    }

    @Override
    protected void doGet(
        javax.servlet.http.HttpServletRequest req, javax.servlet.http.HttpServletResponse resp) {
      // BUG: Diagnostic contains: hot in servlet method `LegacyServlet.doGet`
      probe();
    }
  }

  static class UploadServlet extends jakarta.servlet.http.HttpServlet {
    @Override
    protected void doPost(
        jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse resp) {
      // BUG: Diagnostic contains: hot in servlet method `UploadServlet.doPost`
      probe();
    }

    @Override
    protected void doPut(
        jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse resp) {
      // BUG: Diagnostic contains: hot in servlet method `UploadServlet.doPut`
      probe();
    }

    @Override
    protected void doDelete(
        jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse resp) {
      // BUG: Diagnostic contains: hot in servlet method `UploadServlet.doDelete`
      probe();
    }

    @Override
    protected void service(
        jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse resp)
        throws jakarta.servlet.ServletException, IOException {
      // BUG: Diagnostic contains: hot in servlet method `UploadServlet.service`
      probe();
      super.service(req, resp);
    }
  }

  static class AuditFilter implements javax.servlet.Filter {
    @Override
    public void doFilter(
        javax.servlet.ServletRequest req,
        javax.servlet.ServletResponse resp,
        javax.servlet.FilterChain chain) {
      // BUG: Diagnostic contains: hot in servlet filter `AuditFilter.doFilter`
      probe();
    }
  }

  static class TraceFilter implements jakarta.servlet.Filter {
    @Override
    public void init(jakarta.servlet.FilterConfig config) {
      probe();
    }

    @Override
    public void doFilter(
        jakarta.servlet.ServletRequest req,
        jakarta.servlet.ServletResponse resp,
        jakarta.servlet.FilterChain chain) {
      // BUG: Diagnostic contains: hot in servlet filter `TraceFilter.doFilter`
      probe();
    }
  }

  static class TenantFilter extends org.springframework.web.filter.OncePerRequestFilter {
    @Override
    protected void doFilterInternal(
        jakarta.servlet.http.HttpServletRequest req,
        jakarta.servlet.http.HttpServletResponse resp,
        jakarta.servlet.FilterChain chain) {
      // BUG: Diagnostic contains: hot in servlet filter `TenantFilter.doFilterInternal`
      probe();
    }
  }

  /** Same method name, but not a servlet: not an entry point. */
  static class NotAServlet {
    protected void doGet(Object req, Object resp) {
      probe();
    }
  }
}
