package hotpath.module;

/** Its method is called per row by {@link Exporter}. */
class RowFormatter {
  static int probe() {
    return 0;
  }

  String format(String row) {
    // BUG: Diagnostic contains: hot in `RowFormatter.format`, called inside a loop in `Exporter.export`
    probe();
    return row.trim();
  }

  /** Not called in a loop by anyone. */
  String header() {
    probe();
    return "";
  }
}
