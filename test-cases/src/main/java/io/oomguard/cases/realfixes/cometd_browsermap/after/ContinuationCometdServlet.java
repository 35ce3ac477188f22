package io.oomguard.cases.realfixes.cometd_browsermap.after;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Handles the Bayeux messages of each HTTP request (one message per request here). */
public class ContinuationCometdServlet extends AbstractCometdServlet {

  @Override
  protected AbstractBayeux newBayeux() {
    return new ContinuationBayeux();
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String clientId = request.getParameter(AbstractBayeux.CLIENT_FIELD);
    ClientImpl client = _bayeux.getClient(clientId);
    if (client == null) {
      // No client: this should be a handshake. Set up a browser id first.
      if (findBrowserId(request) == null) {
        setBrowserId(request, response);
      }
      client = _bayeux.handshake();
      response.getWriter().print("{\"clientId\":\"" + client.getId() + "\"}");
      return;
    }

    String browserId = findBrowserId(request);
    if (browserId != null
        && (client.getBrowserId() == null || !client.getBrowserId().equals(browserId))) {
      client.setBrowserId(browserId);
    }

    if ("/meta/disconnect".equals(request.getParameter("channel"))) {
      client.remove();
    }
    response.getWriter().print("[]");
  }
}
