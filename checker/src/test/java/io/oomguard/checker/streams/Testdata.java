package io.oomguard.checker.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The probe sources under {@code src/test/resources/io/oomguard/checker/streams/testdata}. */
final class Testdata {
  private static final Path DIR =
      Paths.get("src/test/resources/io/oomguard/checker/streams/testdata");

  private Testdata() {}

  /** The lines of one probe source, for {@code CompilationTestHelper.addSourceLines}. */
  static String[] lines(String file) {
    try {
      return Files.readAllLines(DIR.resolve(file), StandardCharsets.UTF_8).toArray(new String[0]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
