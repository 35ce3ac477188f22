package io.oomguard.cases.buffers;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** A javax servlet that renders a server's log file and an in-memory table through helpers. */
public class LegacyExportServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient List<List<String>> table;
  private final transient Path logFile;

  public LegacyExportServlet(List<List<String>> table, Path logFile) {
    this.table = table;
    this.logFile = logFile;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    // BUG: Diagnostic contains: holds everything a read loop copies into it, in servlet method
    // `LegacyExportServlet.doGet`
    StringWriter page = new StringWriter();
    PrintWriter writer = new PrintWriter(page);
    try (BufferedReader log = Files.newBufferedReader(logFile, StandardCharsets.UTF_8)) {
      String line;
      while ((line = log.readLine()) != null) {
        writer.println("<pre>" + line + "</pre>");
      }
    }
    writer.flush();
    resp.getWriter().write(page.toString());
    resp.getOutputStream().write(raw());
  }

  private byte[] raw() throws IOException {
    // BUG: Diagnostic contains: reached from servlet method `LegacyExportServlet.doGet` via
    // `LegacyExportServlet.doGet → LegacyExportServlet.raw`
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    try (InputStream in = Files.newInputStream(logFile)) {
      in.transferTo(copy);
    }
    return copy.toByteArray();
  }

  // Quiet: the fix, the log streamed straight to the response.
  protected void doHead(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    try (InputStream in = Files.newInputStream(logFile)) {
      in.transferTo(resp.getOutputStream());
    }
  }

  // Quiet: a row rendered from cells already in memory; the buffer adds about as much again.
  String renderRow(List<String> cells) {
    StringBuffer row = new StringBuffer();
    for (String cell : cells) {
      row.append("<td>").append(cell).append("</td>");
    }
    return row.toString();
  }

  // Quiet: the whole in-memory table rendered; no stream, file or query feeds it.
  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    StringWriter page = new StringWriter();
    PrintWriter writer = new PrintWriter(page);
    for (List<String> row : table) {
      writer.println(renderRow(row));
    }
    resp.getWriter().write(page.toString());
  }
}
