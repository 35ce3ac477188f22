package io.oomguard.cases.realfixes.cometd_browsermap.before;

import javax.servlet.ServletException;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Creates the Bayeux server at init and identifies browsers by a cookie. */
public abstract class AbstractCometdServlet extends HttpServlet {
  public static final String BROWSER_ID = "BAYEUX_BROWSER";

  protected AbstractBayeux _bayeux;

  @Override
  public void init() throws ServletException {
    _bayeux = newBayeux();
  }

  protected abstract AbstractBayeux newBayeux();

  protected String findBrowserId(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (BROWSER_ID.equals(cookie.getName())) {
          return cookie.getValue();
        }
      }
    }
    return null;
  }

  protected String setBrowserId(HttpServletRequest request, HttpServletResponse response) {
    String browserId =
        Long.toHexString(request.getRemotePort()) + Long.toString(_bayeux.randomLong(), 36);
    Cookie cookie = new Cookie(BROWSER_ID, browserId);
    cookie.setPath("/");
    cookie.setMaxAge(-1);
    response.addCookie(cookie);
    return browserId;
  }
}
