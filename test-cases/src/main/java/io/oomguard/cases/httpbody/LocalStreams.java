package io.oomguard.cases.httpbody;

import com.google.common.io.Resources;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.apache.commons.io.IOUtils;

/**
 * Whole reads of content that does not come from the network: class-path resources, files,
 * in-memory bytes, a child process, standard input. None of these is reported.
 */
public class LocalStreams {
  public String banner() throws IOException {
    try (InputStream in = LocalStreams.class.getResourceAsStream("/banner.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  public String defaults() throws IOException {
    URL resource = getClass().getClassLoader().getResource("defaults.properties");
    try (InputStream in = resource.openStream()) {
      return IOUtils.toString(in, StandardCharsets.UTF_8);
    }
  }

  public String schema() throws IOException {
    return Resources.toString(Resources.getResource("schema.sql"), StandardCharsets.UTF_8);
  }

  public byte[] keystore(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return in.readAllBytes();
    }
  }

  public String config(File file) throws IOException {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(new FileInputStream(file), StandardCharsets.UTF_8))) {
      return reader.lines().collect(Collectors.joining("\n"));
    }
  }

  public String fileUrl() throws IOException {
    return IOUtils.toString(new URL("file:///etc/service/override.conf"), StandardCharsets.UTF_8);
  }

  public String localUri(Path path) throws IOException {
    return IOUtils.toString(path.toUri(), StandardCharsets.UTF_8);
  }

  public byte[] roundTrip(byte[] payload) throws IOException {
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    new ByteArrayInputStream(payload).transferTo(copy);
    return copy.toByteArray();
  }

  public String gitRevision() throws IOException, InterruptedException {
    Process git = new ProcessBuilder("git", "rev-parse", "HEAD").start();
    String revision = new String(git.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    git.waitFor();
    return revision.trim();
  }

  /** A raw socket is not an HTTP body: its protocol decides how much it sends. */
  public byte[] handshake(java.net.Socket socket) throws IOException {
    return socket.getInputStream().readNBytes(64);
  }

  public String stdin() throws IOException {
    return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
  }

  /** A reading helper whose callers in this file only pass local content. */
  public String templates(Path dir) throws IOException {
    return slurp(Files.newInputStream(dir.resolve("a.tpl")))
        + slurp(LocalStreams.class.getResourceAsStream("/b.tpl"));
  }

  private static String slurp(InputStream in) throws IOException {
    StringBuilder text = new StringBuilder();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        text.append(line).append('\n');
      }
    }
    return text.toString();
  }
}
