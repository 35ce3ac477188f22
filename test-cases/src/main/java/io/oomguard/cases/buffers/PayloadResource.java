package io.oomguard.cases.buffers;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.io.ByteArrayOutputStream;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A JAX-RS resource that wraps and re-encodes payloads. */
@Path("/payloads")
public class PayloadResource {
  @POST
  @Path("/envelope")
  public byte[] envelope(byte[] payload) throws IOException {
    // BUG: Diagnostic contains: new ByteArrayOutputStream(payload.length)
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(payload);
    return out.toByteArray();
  }

  @POST
  @Path("/merge")
  public List<String> merge(List<String> first, List<String> second) {
    // BUG: Diagnostic contains: in JAX-RS resource method `PayloadResource.merge` (POST
    // /payloads/merge)
    List<String> merged = new ArrayList<>();
    merged.addAll(first);
    merged.addAll(second);
    return merged;
  }

  @GET
  @Path("/{id}/chars")
  public char[] chars(@PathParam("id") String id, List<String> parts) {
    // BUG: Diagnostic contains: UnsizedBufferInHotPath
    CharArrayWriter writer = new CharArrayWriter();
    for (String part : parts) {
      writer.append(part);
    }
    return writer.toCharArray();
  }

  @POST
  @Path("/headers")
  public Map<String, String> headers(List<String> lines) {
    // BUG: Diagnostic contains: `new LinkedHashMap<>()` starts at 16 buckets
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line : lines) {
      int colon = line.indexOf(':');
      headers.put(line.substring(0, colon), line.substring(colon + 1).trim());
    }
    return headers;
  }

  // Quiet: sized by the payload.
  @POST
  @Path("/envelope-sized")
  public byte[] envelopeSized(byte[] payload) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 16);
    out.write(payload);
    return out.toByteArray();
  }

  // Quiet: copy constructor, sized by construction.
  @POST
  @Path("/copy")
  public List<String> copy(List<String> items) {
    List<String> copy = new ArrayList<>(items);
    copy.add("trailer");
    return copy;
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
