package io.oomguard.cases.realfixes.crate_httpresultset.before;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Writes each result row of an HTTP /_sql query into the JSON builder. */
class RestResultSetReceiver implements Session.ResultReceiver {
  private final XContentBuilder builder;
  private final int columnCount;
  private final TypedRowAccounting rowAccounting;
  private final CompletableFuture<XContentBuilder> result = new CompletableFuture<>();
  private long rowCount;

  RestResultSetReceiver(
      XContentBuilder builder, List<String> outputFieldNames, TypedRowAccounting rowAccounting)
      throws IOException {
    this.builder = builder;
    this.columnCount = outputFieldNames.size();
    this.rowAccounting = rowAccounting;
    builder.startObject().startArray("cols");
    for (String name : outputFieldNames) {
      builder.value(name);
    }
    builder.endArray().startArray("rows");
  }

  @Override
  public void setNextRow(Object[] row) {
    try {
      rowAccounting.accountForAndMaybeBreak(row);
      builder.startArray();
      for (int i = 0; i < columnCount; i++) {
        builder.value(row[i]);
      }
      builder.endArray();
      rowCount++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void allFinished() {
    try {
      builder.endArray().field("rowcount", rowCount).endObject();
      result.complete(builder);
    } catch (IOException e) {
      result.completeExceptionally(e);
    }
  }

  @Override
  public void fail(Throwable t) {
    result.completeExceptionally(t);
  }

  CompletableFuture<XContentBuilder> completionFuture() {
    return result;
  }
}
