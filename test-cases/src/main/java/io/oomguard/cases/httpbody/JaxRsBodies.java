package io.oomguard.cases.httpbody;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import org.apache.commons.io.IOUtils;

/** JAX-RS: a client of an inventory service, a resource and filters. */
public class JaxRsBodies {
  static final int MAX_ENTITY = 1024 * 1024;

  private final Client client = ClientBuilder.newClient();

  public String inventory(String base) {
    WebTarget target = client.target(base).path("inventory");
    // BUG: Diagnostic contains: `Builder.get(...)` for a `String`
    return target.request(MediaType.APPLICATION_JSON).get(String.class);
  }

  public byte[] snapshot(String base) {
    try (Response response = client.target(base).path("snapshot").request().get()) {
      // BUG: Diagnostic contains: `Response.readEntity(...)` for a `byte[]`
      return response.readEntity(byte[].class);
    }
  }

  public String snapshotText(String base) throws IOException {
    try (Response response = client.target(base).path("snapshot").request().get();
        InputStream in = response.readEntity(InputStream.class)) {
      // BUG: Diagnostic contains: `Response.readEntity(InputStream.class)`
      return IOUtils.toString(in, "UTF-8");
    }
  }

  /** A resource taking the raw entity as a stream. */
  @Path("/uploads")
  public static class UploadResource {
    @POST
    public Response upload(InputStream entity) throws IOException {
      // BUG: Diagnostic contains: the request body parameter `entity`
      byte[] data = entity.readAllBytes();
      return Response.accepted().header("X-Bytes", data.length).build();
    }

    /** Copies the entity to a spool file instead. */
    @POST
    @Path("/spooled")
    public Response spool(InputStream entity) throws IOException {
      java.nio.file.Path file = Files.createTempFile("upload", ".bin");
      try (OutputStream out = Files.newOutputStream(file)) {
        entity.transferTo(out);
      }
      return Response.accepted().build();
    }
  }

  /** An audit filter that buffers every request entity, then puts it back. */
  public static class AuditFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext context) throws IOException {
      // BUG: Diagnostic contains: `ContainerRequestContext.getEntityStream()`
      byte[] entity = IOUtils.toByteArray(context.getEntityStream());
      context.setEntityStream(new ByteArrayInputStream(entity));
    }
  }

  /** javax: a client response filter that reads error bodies for the log. */
  public static class ErrorBodyFilter implements javax.ws.rs.client.ClientResponseFilter {
    @Override
    public void filter(
        javax.ws.rs.client.ClientRequestContext request,
        javax.ws.rs.client.ClientResponseContext response)
        throws IOException {
      if (response.getStatus() >= 400 && response.hasEntity()) {
        // BUG: Diagnostic contains: `ClientResponseContext.getEntityStream()`
        byte[] body = response.getEntityStream().readAllBytes();
        response.setEntityStream(new ByteArrayInputStream(body));
      }
    }
  }

  // ---- Bounded or deserialized: no finding. ----

  /** Mapped to an object by the entity provider. */
  public Item item(String base, String id) {
    return client.target(base).path("items").path(id).request().get(Item.class);
  }

  /** The declared length is checked first. */
  public String smallSnapshot(String base) {
    try (Response response = client.target(base).path("snapshot").request().get()) {
      if (response.getLength() > MAX_ENTITY) {
        throw new IllegalStateException("snapshot too large");
      }
      return response.readEntity(String.class);
    }
  }

  /** The audit filter, capped with readNBytes. */
  public static class CappedAuditFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext context) throws IOException {
      InputStream entity = context.getEntityStream();
      byte[] head = entity.readNBytes(MAX_ENTITY);
      context.setProperty("auditHead", head);
      context.setEntityStream(new SequenceInputStream(new ByteArrayInputStream(head), entity));
    }
  }

  public record Item(String id, int quantity) {}
}
