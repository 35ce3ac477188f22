package io.oomguard.cases.buffers;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A Spring controller that exports and reshapes request data. */
@RestController
public class ReportController {
  private static final ThreadLocal<StringBuilder> ROW_BUFFER =
      ThreadLocal.withInitial(() -> new StringBuilder(512));

  private final StringBuilder sharedLog = new StringBuilder();

  public record Row(String id, String name, long cents) {}

  @PostMapping("/reports/csv")
  public byte[] csv(@RequestBody List<Row> rows) {
    // BUG: Diagnostic contains: UnsizedBufferInHotPath
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Row row : rows) {
      byte[] line =
          (row.id() + "," + row.name() + "," + row.cents() + "\n").getBytes(StandardCharsets.UTF_8);
      out.write(line, 0, line.length);
    }
    return out.toByteArray();
  }

  @PostMapping("/reports/text")
  public String text(@RequestBody List<Row> rows) {
    // BUG: Diagnostic contains: `new StringBuilder()` starts at 16 chars
    // in request handler `ReportController.text` (POST /reports/text)
    StringBuilder text = new StringBuilder();
    rows.forEach(row -> text.append(row.name()).append('\n'));
    return text.toString();
  }

  @PostMapping("/reports/ids")
  public List<String> ids(@RequestBody List<Row> rows) {
    // BUG: Diagnostic contains: new ArrayList<>(rows.size())
    List<String> ids = new ArrayList<>();
    for (Row row : rows) {
      ids.add(row.id());
    }
    return ids;
  }

  @PostMapping("/reports/queue")
  public Deque<Row> queue(@RequestBody Row[] rows) {
    // BUG: Diagnostic contains: new ArrayDeque<>(rows.length)
    Deque<Row> pending = new ArrayDeque<>();
    for (Row row : rows) {
      pending.addLast(row);
    }
    return pending;
  }

  @PostMapping("/reports/distinct")
  public Set<String> distinct(@RequestBody List<String> names) {
    // BUG: Diagnostic contains: filled with `names`, whose size is known
    Set<String> unique = new HashSet<>();
    unique.addAll(names);
    return unique;
  }

  // Quiet: sized from what is known.
  @PostMapping("/reports/ids-sized")
  public List<String> idsSized(@RequestBody List<Row> rows) {
    List<String> ids = new ArrayList<>(rows.size());
    for (Row row : rows) {
      ids.add(row.id());
    }
    return ids;
  }

  // Quiet: a few constant appends.
  @GetMapping("/reports/header")
  public String header(@RequestParam String title) {
    StringBuilder header = new StringBuilder();
    header.append("# ").append(title).append('\n');
    return header.toString();
  }

  // Quiet: a reused per-thread buffer.
  @PostMapping("/reports/reused")
  public String reused(@RequestBody List<Row> rows) {
    StringBuilder line = ROW_BUFFER.get();
    line.setLength(0);
    for (Row row : rows) {
      line.append(row.id()).append(';');
    }
    return line.toString();
  }

  // Quiet: a field, not a per-call buffer.
  @PostMapping("/reports/log")
  public void log(@RequestBody List<Row> rows) {
    for (Row row : rows) {
      sharedLog.append(row.id());
    }
  }

  // Quiet: not reachable from a handler or a loop.
  String debugDump(List<Row> rows) {
    StringBuilder dump = new StringBuilder();
    for (Row row : rows) {
      dump.append(row).append('\n');
    }
    return dump.toString();
  }

  // Quiet: suppressed with a reason.
  @io.oomguard.annotations.OomSafe("at most 20 rows: the request is validated by the gateway")
  @PostMapping("/reports/small")
  public String small(@RequestBody List<Row> rows) {
    StringBuilder text = new StringBuilder();
    for (Row row : rows) {
      text.append(row.name());
    }
    return text.toString();
  }

  @SuppressWarnings("UnsizedBufferInHotPath")
  @PostMapping("/reports/tiny")
  public String tiny(@RequestBody List<Row> rows) {
    StringBuilder text = new StringBuilder();
    for (Row row : rows) {
      text.append(row.id());
    }
    return text.toString();
  }
}
