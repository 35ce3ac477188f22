package io.oomguard.cases.crossclass.orders;

import java.util.List;

/** Reached per request through an interface with one implementation. */
public interface ReportService {
  String render();

  /** The implementation the module wires in. */
  final class CsvReportService implements ReportService {
    private final List<String> rows;

    public CsvReportService(List<String> rows) {
      this.rows = rows;
    }

    @Override
    public String render() {
      return join(rows);
    }

    private String join(List<String> parts) {
      // BUG: Diagnostic contains: UnsizedBufferInHotPath
      // via `OrderController.export → CsvReportService.render → CsvReportService.join`
      StringBuilder out = new StringBuilder();
      for (String part : parts) {
        out.append(part).append('\n');
      }
      return out.toString();
    }
  }
}
