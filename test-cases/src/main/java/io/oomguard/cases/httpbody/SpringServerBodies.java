package io.oomguard.cases.httpbody;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.commons.io.IOUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Inbound bodies in a Spring MVC controller. */
@RestController
public class SpringServerBodies {
  private static final long MAX_UPLOAD = 5L * 1024 * 1024;

  @PostMapping("/documents")
  public ResponseEntity<Void> upload(@RequestParam("file") MultipartFile file) throws IOException {
    // BUG: Diagnostic contains: `MultipartFile.getBytes()` reads the whole uploaded file
    byte[] content = file.getBytes();
    return content.length == 0 ? ResponseEntity.badRequest().build() : ResponseEntity.ok().build();
  }

  @PostMapping("/ingest")
  public ResponseEntity<Void> ingest(InputStream body) throws IOException {
    // BUG: Diagnostic contains: the request body parameter `body`
    byte[] batch = body.readAllBytes();
    return ResponseEntity.accepted().header("X-Batch-Bytes", "" + batch.length).build();
  }

  @PutMapping("/raw")
  public String raw(HttpServletRequest request) throws IOException {
    // BUG: Diagnostic contains: `HttpServletRequest.getReader()`
    return IOUtils.toString(request.getReader());
  }

  // ---- Bounded, streamed or deserialized: no finding. ----

  /** The upload's size is checked before its bytes are read. */
  @PostMapping("/avatars")
  public ResponseEntity<Void> avatar(@RequestParam("file") MultipartFile file) throws IOException {
    if (file.getSize() > MAX_UPLOAD) {
      return ResponseEntity.status(413).build();
    }
    byte[] image = file.getBytes();
    return ResponseEntity.ok().header("X-Image-Bytes", "" + image.length).build();
  }

  /** Stored straight to disk. */
  @PostMapping("/archives")
  public ResponseEntity<Void> archive(@RequestParam("file") MultipartFile file) throws IOException {
    file.transferTo(Path.of("/var/spool/archives", file.getOriginalFilename()));
    return ResponseEntity.accepted().build();
  }

  /** Deserialized by the message converter. */
  @PostMapping("/orders")
  public String order(@RequestBody Order order) {
    return order.id();
  }

  /** A stream parameter of a method that is not a request handler is not a request body. */
  public String describe(InputStream template) throws IOException {
    return new String(template.readAllBytes(), StandardCharsets.UTF_8);
  }

  public record Order(String id) {}
}
