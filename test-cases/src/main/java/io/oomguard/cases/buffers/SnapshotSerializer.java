package io.oomguard.cases.buffers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The start-up serializer from the post-mortem: every value written into a fresh unsized buffer,
 * once per item. Loops are hot wherever they are, start-up included.
 */
public class SnapshotSerializer {
  private final ObjectMapper mapper = new ObjectMapper();
  private final Gson gson = new Gson();

  public List<byte[]> serializeAll(List<? extends Serializable> values) throws IOException {
    List<byte[]> blobs = new ArrayList<>(values.size());
    for (Serializable value : values) {
      // BUG: Diagnostic contains: holds the whole output of `new ObjectOutputStream`, inside a
      // loop in `SnapshotSerializer.serializeAll`
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(value);
      }
      blobs.add(bytes.toByteArray());
    }
    return blobs;
  }

  public void writeJson(Map<String, Object> documents, Map<String, byte[]> target) {
    documents.forEach((key, document) -> target.put(key, toJson(document)));
  }

  private byte[] toJson(Object document) {
    // BUG: Diagnostic contains: holds the whole output of `ObjectMapper.writeValue`, in
    // `SnapshotSerializer.toJson`, called inside a loop in `SnapshotSerializer.writeJson`
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    try {
      mapper.writeValue(json, document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return json.toByteArray();
  }

  public List<String> gsonAll(List<Object> documents) {
    List<String> out = new ArrayList<>(documents.size());
    for (Object document : documents) {
      // BUG: Diagnostic contains: holds the whole output of `Gson.toJson`
      StringWriter writer = new StringWriter();
      gson.toJson(document, writer);
      out.add(writer.toString());
    }
    return out;
  }

  public List<byte[]> readAll(List<Path> files) throws IOException {
    List<byte[]> contents = new ArrayList<>(files.size());
    for (Path file : files) {
      // BUG: Diagnostic contains: holds everything `transferTo(...)` copies into it
      ByteArrayOutputStream copy = new ByteArrayOutputStream();
      try (InputStream in = Files.newInputStream(file)) {
        in.transferTo(copy);
      }
      contents.add(copy.toByteArray());
    }
    return contents;
  }

  // Quiet: sized buffer per item.
  public List<byte[]> serializeSized(List<? extends Serializable> values) throws IOException {
    List<byte[]> blobs = new ArrayList<>(values.size());
    for (Serializable value : values) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(value);
      }
      blobs.add(bytes.toByteArray());
    }
    return blobs;
  }

  // Quiet: one buffer for the whole snapshot, not per item, and not in hot code.
  public byte[] serializeOnce(Serializable snapshot) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(snapshot);
    }
    return bytes.toByteArray();
  }
}
