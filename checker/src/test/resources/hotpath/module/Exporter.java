package hotpath.module;

import java.util.List;

/** A per-record loop in one class calling a helper in another. */
class Exporter {
  private final RowFormatter formatter = new RowFormatter();

  String export(List<String> rows) {
    StringBuilder out = new StringBuilder();
    for (String row : rows) {
      out.append(formatter.format(row));
    }
    return out.toString();
  }
}
