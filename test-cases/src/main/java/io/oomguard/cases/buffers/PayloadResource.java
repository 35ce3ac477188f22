package io.oomguard.cases.buffers;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.io.ByteArrayOutputStream;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A JAX-RS resource that wraps, re-encodes and archives payloads. */
@Path("/payloads")
public class PayloadResource {
  private final java.nio.file.Path spool;

  public PayloadResource(java.nio.file.Path spool) {
    this.spool = spool;
  }

  @GET
  @Path("/archive")
  public byte[] archive(List<String> names) throws IOException {
    // BUG: Diagnostic contains: holds a whole `ZipOutputStream` whose entries are added in a loop,
    // in JAX-RS resource method `PayloadResource.archive` (GET /payloads/archive)
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String name : names) {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(Files.readAllBytes(spool.resolve(name)));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  // Quiet: one entry, of one payload already in memory.
  @POST
  @Path("/zip-one")
  public byte[] zipOne(byte[] payload) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("payload"));
      zip.write(payload);
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  // Quiet: one write of a payload already in memory grows the buffer once, to its size.
  @POST
  @Path("/envelope")
  public byte[] envelope(byte[] payload) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(payload);
    return out.toByteArray();
  }

  // Quiet: lists of references are out of scope.
  @POST
  @Path("/merge")
  public List<String> merge(List<String> first, List<String> second) {
    List<String> merged = new ArrayList<>();
    merged.addAll(first);
    merged.addAll(second);
    return merged;
  }

  // Quiet: parts already in memory, joined.
  @GET
  @Path("/{id}/chars")
  public char[] chars(@PathParam("id") String id, List<String> parts) {
    CharArrayWriter writer = new CharArrayWriter();
    for (String part : parts) {
      writer.append(part);
    }
    return writer.toCharArray();
  }

  // Quiet: maps are out of scope.
  @POST
  @Path("/headers")
  public Map<String, String> headers(List<String> lines) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line : lines) {
      int colon = line.indexOf(':');
      headers.put(line.substring(0, colon), line.substring(colon + 1).trim());
    }
    return headers;
  }

  // Quiet: two constant writes.
  @GET
  @Path("/ping")
  public byte[] ping() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write('o');
    out.write('k');
    return out.toByteArray();
  }
}
