package io.oomguard.cases.buffers;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.commons.io.IOUtils;
import org.apache.commons.io.input.BoundedInputStream;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A Spring controller that exports tables, files and logs. */
@RestController
public class ReportController {
  private static final ThreadLocal<StringBuilder> ROW_BUFFER =
      ThreadLocal.withInitial(() -> new StringBuilder(512));
  private static final long MAX_EXPORT_BYTES = 8L * 1024 * 1024;

  private final StringBuilder sharedLog = new StringBuilder();
  private final Connection connection;
  private final Path exports;

  public ReportController(Connection connection, Path exports) {
    this.connection = connection;
    this.exports = exports;
  }

  public record Row(String id, String name, long cents) {}

  /** The project's own line reader: it hands each line of a file to a callback. */
  static final class LineReader {
    private LineReader() {}

    static void eachLine(Path file, Consumer<String> callback) throws IOException {
      try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String line;
        while ((line = reader.readLine()) != null) {
          callback.accept(line);
        }
      }
    }
  }

  @GetMapping("/reports/orders.csv")
  public String orders() throws SQLException {
    // BUG: Diagnostic contains: collects every row of a query result, in request handler
    // `ReportController.orders` (GET /reports/orders.csv); it grows with the table
    StringBuilder csv = new StringBuilder();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select id, name, cents from orders")) {
      while (rows.next()) {
        csv.append(rows.getString(1)).append(',').append(rows.getString(2)).append('\n');
      }
    }
    return csv.toString();
  }

  @GetMapping("/reports/table.csv")
  public String table(@RequestParam String table) throws SQLException {
    // BUG: Diagnostic contains: collects every row of a query result
    StringBuilder csv = new StringBuilder();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select * from " + table)) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        for (int column = 1; column <= columns; column++) {
          csv.append(rows.getString(column)).append(column < columns ? ',' : '\n');
        }
      }
    }
    return csv.toString();
  }

  @GetMapping("/reports/file")
  public byte[] file(@RequestParam String name) throws IOException {
    // BUG: Diagnostic contains: holds everything `IOUtils.copy(...)` copies into it
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = Files.newInputStream(exports.resolve(name))) {
      IOUtils.copy(in, out);
    }
    return out.toByteArray();
  }

  @GetMapping("/reports/lines")
  public String lines(@RequestParam String name) throws IOException {
    // BUG: Diagnostic contains: collects every line of a reader or file
    StringBuilder text = new StringBuilder();
    try (var lines = Files.lines(exports.resolve(name))) {
      lines.forEach(text::append);
    }
    return text.toString();
  }

  @GetMapping("/reports/log")
  public String log(@RequestParam String name) throws IOException {
    // BUG: Diagnostic contains: (through `LineReader.eachLine(...)`)
    StringBuilder text = new StringBuilder();
    LineReader.eachLine(exports.resolve(name), line -> text.append(line).append('\n'));
    return text.toString();
  }

  @GetMapping("/reports/audit")
  public String audit(@RequestParam String name) throws IOException {
    // BUG: Diagnostic contains: UnsizedBufferInHotPath
    StringBuilder text = new StringBuilder();
    LineReader.eachLine(
        exports.resolve(name),
        new Consumer<String>() {
          @Override
          public void accept(String line) {
            text.append(line).append('\n');
          }
        });
    return text.toString();
  }

  // ---- Quiet ----

  // Quiet: the fix for the export, each row written to the response as it is read.
  @GetMapping("/reports/orders-streamed.csv")
  public void ordersStreamed(java.io.Writer response) throws SQLException, IOException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select id, name from orders")) {
      StringBuilder line = new StringBuilder();
      while (rows.next()) {
        line.setLength(0);
        line.append(rows.getString(1)).append(',').append(rows.getString(2)).append('\n');
        response.write(line.toString());
      }
    }
  }

  // Quiet: the first rows only, counted against a limit.
  @GetMapping("/reports/orders-head.csv")
  public String ordersHead() throws SQLException {
    StringBuilder csv = new StringBuilder();
    int count = 0;
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select id from orders")) {
      while (rows.next() && count < 100) {
        csv.append(rows.getString(1)).append('\n');
        count++;
      }
    }
    return csv.toString();
  }

  // Quiet: one row, looked up by key.
  @GetMapping("/reports/order")
  public String order(@RequestParam String id) throws SQLException {
    StringBuilder csv = new StringBuilder();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select name from orders where id = " + id)) {
      if (rows.next()) {
        csv.append(rows.getString(1));
      }
    }
    return csv.toString();
  }

  // Quiet: the copy goes through a limiting wrapper.
  @GetMapping("/reports/file-capped")
  public byte[] fileCapped(@RequestParam String name) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in =
        new BoundedInputStream(Files.newInputStream(exports.resolve(name)), MAX_EXPORT_BYTES)) {
      IOUtils.copy(in, out);
    }
    return out.toByteArray();
  }

  // Quiet: a copy loop that counts what it copied against a clamp.
  @GetMapping("/reports/file-counted")
  public byte[] fileCounted(@RequestParam String name) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = Files.newInputStream(exports.resolve(name))) {
      byte[] chunk = new byte[8192];
      long total = 0;
      int n;
      while ((n = in.read(chunk)) != -1) {
        total += n;
        if (total > MAX_EXPORT_BYTES) {
          throw new IOException("export too large");
        }
        out.write(chunk, 0, n);
      }
    }
    return out.toByteArray();
  }

  // Quiet: a bundled template, of the size it was built with.
  @GetMapping("/reports/template")
  public byte[] template() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = ReportController.class.getResourceAsStream("/report-template.html")) {
      in.transferTo(out);
    }
    return out.toByteArray();
  }

  // Quiet: only the lines that pass a test are kept.
  @GetMapping("/reports/errors")
  public String errors(@RequestParam String name) throws IOException {
    StringBuilder text = new StringBuilder();
    try (BufferedReader reader = Files.newBufferedReader(exports.resolve(name))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.contains("ERROR")) {
          text.append(line).append('\n');
        }
      }
    }
    return text.toString();
  }

  // Quiet: rows already in memory, appended; the buffer adds about as much again.
  @PostMapping("/reports/csv")
  public byte[] csv(@RequestBody List<Row> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Row row : rows) {
      byte[] line =
          (row.id() + "," + row.name() + "," + row.cents() + "\n").getBytes(StandardCharsets.UTF_8);
      out.write(line, 0, line.length);
    }
    return out.toByteArray();
  }

  // Quiet: names joined from the request, through a lambda.
  @PostMapping("/reports/text")
  public String text(@RequestBody List<Row> rows) {
    StringBuilder text = new StringBuilder();
    rows.forEach(row -> text.append(row.name()).append('\n'));
    return text.toString();
  }

  // Quiet: a conditional fill through Optional.ifPresent.
  @GetMapping("/reports/title")
  public String title(@RequestParam Optional<String> title) {
    StringBuilder header = new StringBuilder("# ");
    StringBuilder suffix = new StringBuilder();
    title.ifPresent(t -> suffix.append(" - ").append(t));
    return header.append(suffix).toString();
  }

  // Quiet: a few parameters joined.
  @GetMapping("/reports/header")
  public String header(@RequestParam String title) {
    StringBuilder header = new StringBuilder();
    header.append("# ").append(title).append('\n');
    return header.toString();
  }

  // Quiet: a reused per-thread buffer.
  @GetMapping("/reports/reused")
  public String reused(@RequestParam String name) throws IOException {
    StringBuilder text = ROW_BUFFER.get();
    text.setLength(0);
    try (BufferedReader reader = Files.newBufferedReader(exports.resolve(name))) {
      text.append(reader.readLine());
    }
    return text.toString();
  }

  // Quiet: a field, not a per-call buffer.
  @PostMapping("/reports/log")
  public void log(@RequestBody List<Row> rows) {
    for (Row row : rows) {
      sharedLog.append(row.id());
    }
  }

  // Quiet: not reachable from a handler or a loop.
  String dump(Path file) {
    StringBuilder dump = new StringBuilder();
    try {
      Files.lines(file).forEach(dump::append);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dump.toString();
  }

  // Quiet: suppressed with a reason.
  @io.oomguard.annotations.OomSafe("export files are capped at 1 MB by the job that writes them")
  @GetMapping("/reports/small")
  public String small(@RequestParam String name) throws IOException {
    StringBuilder text = new StringBuilder();
    LineReader.eachLine(exports.resolve(name), text::append);
    return text.toString();
  }

  @SuppressWarnings("UnsizedBufferInHotPath")
  @GetMapping("/reports/tiny")
  public String tiny(@RequestParam String name) throws IOException {
    StringBuilder text = new StringBuilder();
    try (var lines = Files.lines(exports.resolve(name))) {
      lines.forEach(text::append);
    }
    return text.toString();
  }
}
