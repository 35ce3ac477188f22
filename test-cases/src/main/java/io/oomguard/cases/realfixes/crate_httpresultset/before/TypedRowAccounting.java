package io.oomguard.cases.realfixes.crate_httpresultset.before;

import java.util.List;

/** Estimates a row's size from its column types (8 bytes for a double, ...). */
public final class TypedRowAccounting {
  private final List<Class<?>> columnTypes;
  private final RamAccounting ramAccounting;

  public TypedRowAccounting(List<Class<?>> columnTypes, RamAccounting ramAccounting) {
    this.columnTypes = columnTypes;
    this.ramAccounting = ramAccounting;
  }

  public void accountForAndMaybeBreak(Object[] row) {
    long bytes = 0;
    for (int i = 0; i < row.length; i++) {
      Class<?> type = columnTypes.get(i);
      if (type == Long.class || type == Double.class) {
        bytes += 8;
      } else if (type == Integer.class) {
        bytes += 4;
      } else if (row[i] != null) {
        bytes += row[i].toString().length();
      }
    }
    ramAccounting.addBytes(bytes);
  }
}
