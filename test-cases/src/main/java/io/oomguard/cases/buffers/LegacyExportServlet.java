package io.oomguard.cases.buffers;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** A javax servlet that renders a table through helpers. */
public class LegacyExportServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient List<List<String>> table;

  public LegacyExportServlet(List<List<String>> table) {
    this.table = table;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    // BUG: Diagnostic contains: in servlet method `LegacyExportServlet.doGet`
    StringWriter page = new StringWriter();
    PrintWriter writer = new PrintWriter(page);
    for (List<String> row : table) {
      writer.println(renderRow(row));
    }
    resp.getWriter().write(page.toString());
  }

  private String renderRow(List<String> cells) {
    // BUG: Diagnostic contains: reached from servlet method `LegacyExportServlet.doGet` via
    // `LegacyExportServlet.doGet → LegacyExportServlet.renderRow`
    StringBuffer row = new StringBuffer();
    for (String cell : cells) {
      row.append("<td>").append(cell).append("</td>");
    }
    return row.toString();
  }

  // Quiet: sized from the cells.
  String renderRowSized(List<String> cells) {
    StringBuilder row = new StringBuilder(cells.size() * 32);
    for (String cell : cells) {
      row.append(cell);
    }
    return row.toString();
  }
}
