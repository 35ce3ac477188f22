package io.oomguard.cases.crossclass.orders;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Reached per request through an interface with one implementation. */
public interface ReportService {
  String render();

  /** The implementation the module wires in. */
  final class CsvReportService implements ReportService {
    private static final ObjectMapper MAPPER = new ObjectMapper();

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
      StringWriter out = new StringWriter();
      try (JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
        json.writeStartArray();
        for (String part : parts) {
          json.writeString(part);
        }
        json.writeEndArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toString();
    }
  }
}
