package io.oomguard.cases.realfixes.keycloak_simplehttp.before;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;

/** Keycloak's own stream helper (keycloak-common). */
public final class StreamUtil {
  private static final int BUFFER_LENGTH = 4096;

  private StreamUtil() {}

  /** Reads the whole stream into a String. */
  public static String readString(InputStream in, Charset charset) throws IOException {
    char[] buffer = new char[BUFFER_LENGTH];
    StringBuilder builder = new StringBuilder();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset));
    int wasRead;
    do {
      wasRead = reader.read(buffer, 0, BUFFER_LENGTH);
      if (wasRead > 0) {
        builder.append(buffer, 0, wasRead);
      }
    } while (wasRead > -1);
    return builder.toString();
  }
}
