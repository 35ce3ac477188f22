package io.oomguard.cases.buffers;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.StringWriter;
import java.util.Iterator;

/**
 * A JAX-RS resource serving stored variables and query results: one object serialized per request
 * next to generators fed with every row.
 */
@Path("/variables")
public class VariableDataResource {
  private static final JsonFactory JSON = new JsonFactory();

  /** Where variables and rows come from. */
  public interface Store {
    Serializable variable(String id);

    Iterator<String[]> rows(String query);
  }

  /** The project's JSON response: a generator over the stream it is given, fed by callers. */
  static final class JsonResponse {
    private final OutputStream out;
    final JsonGenerator generator;

    JsonResponse(OutputStream out) throws IOException {
      this.out = out;
      this.generator = JSON.createGenerator(this.out);
    }

    void row(String[] cells) throws IOException {
      generator.writeStartArray();
      for (String cell : cells) {
        generator.writeString(cell);
      }
      generator.writeEndArray();
    }
  }

  private final Store store;

  public VariableDataResource(Store store) {
    this.store = store;
  }

  @GET
  @Path("/query/{query}")
  public String query(@PathParam("query") String query) throws IOException {
    // BUG: Diagnostic contains: holds everything written through `JsonFactory.createGenerator`,
    // in JAX-RS resource method `VariableDataResource.query`
    StringWriter json = new StringWriter();
    try (JsonGenerator out = JSON.createGenerator(json)) {
      out.writeStartArray();
      for (Iterator<String[]> rows = store.rows(query); rows.hasNext(); ) {
        out.writeString(String.join(",", rows.next()));
      }
      out.writeEndArray();
    }
    return json.toString();
  }

  @GET
  @Path("/export/{query}")
  public byte[] export(@PathParam("query") String query) throws IOException {
    // BUG: Diagnostic contains: UnsizedBufferInHotPath
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    JsonResponse response = new JsonResponse(bytes);
    for (Iterator<String[]> rows = store.rows(query); rows.hasNext(); ) {
      response.row(rows.next());
    }
    response.generator.flush();
    return bytes.toByteArray();
  }

  // ---- Quiet ----

  // Quiet: one stored object serialized per request is about as large as the object already in
  // memory; it grows with what was stored, not with traffic.
  @GET
  @Path("/{id}/data")
  public byte[] data(@PathParam("id") String id) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
      out.writeObject(store.variable(id));
    }
    return buffer.toByteArray();
  }

  // Quiet: a generator written a few times, right here.
  @GET
  @Path("/{id}/summary")
  public String summary(@PathParam("id") String id) throws IOException {
    StringWriter json = new StringWriter();
    try (JsonGenerator out = JSON.createGenerator(json)) {
      out.writeStartObject();
      out.writeStringField("id", id);
      out.writeStringField("type", store.variable(id).getClass().getSimpleName());
      out.writeEndObject();
    }
    return json.toString();
  }
}
