package io.oomguard.checker;

import java.net.URI;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;

/** Java source files held in a string, for tests that run javac's API on a few lines. */
final class StringSources {
  private StringSources() {}

  /** The file {@code A.java} with {@code source} as its content. */
  static JavaFileObject file(String source) {
    return new SimpleJavaFileObject(URI.create("string:///A.java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source;
      }
    };
  }
}
