package io.oomguard.maven.fork;

import java.util.Arrays;

/**
 * Lines and columns of a source file, computed from character offsets the way SARIF counts them:
 * 1-based, columns in UTF-16 code units, tabs counting one (javac's own column numbers expand
 * tabs).
 */
final class SourceText {
  private final CharSequence content;
  private final int[] lineStarts;

  private SourceText(CharSequence content, int[] lineStarts) {
    this.content = content;
    this.lineStarts = lineStarts;
  }

  /** Indexes {@code content}; {@code \n}, {@code \r\n} and {@code \r} all end a line. */
  static SourceText of(CharSequence content) {
    int[] starts = new int[16];
    int count = 0;
    starts[count++] = 0;
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      boolean lineEnd =
          c == '\n' || (c == '\r' && (i + 1 == content.length() || content.charAt(i + 1) != '\n'));
      if (lineEnd) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return new SourceText(content, Arrays.copyOf(starts, count));
  }

  /** The 1-based line of character offset {@code offset}. */
  int line(long offset) {
    int index = Arrays.binarySearch(lineStarts, (int) Math.max(0, offset));
    return (index >= 0 ? index : -index - 2) + 1;
  }

  /** The 1-based column of character offset {@code offset}. */
  int column(long offset) {
    return (int) (Math.max(0, offset) - lineStarts[line(offset) - 1]) + 1;
  }

  /** The offset of the first character of 1-based {@code line}. */
  int lineStart(int line) {
    return lineStarts[line - 1];
  }

  /** The offset just past the last character of 1-based {@code line}, before its line break. */
  int lineEnd(int line) {
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] : content.length();
    while (end > start && (content.charAt(end - 1) == '\n' || content.charAt(end - 1) == '\r')) {
      end--;
    }
    return end;
  }

  /** The text of 1-based {@code line}, without its line break. */
  String lineText(int line) {
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] : content.length();
    while (end > start && (content.charAt(end - 1) == '\n' || content.charAt(end - 1) == '\r')) {
      end--;
    }
    return content.subSequence(start, end).toString();
  }
}
