package io.oomguard.maven.fork;

import java.util.ArrayList;
import java.util.List;

/**
 * What a finding's suggested fix changes: its edits with SARIF's lines and columns, and a preview
 * of the changed lines for the build log (Error Prone's own diagnostic quotes only the first line a
 * fix edits, which for a fix that also adds a member said nothing about it).
 *
 * @param edits the edits, in source order
 * @param preview the changed lines: {@code line N:} headers, then {@code - old} and {@code + new}
 */
public record FixSuggestion(List<Edit> edits, List<String> preview) {
  public FixSuggestion {
    edits = List.copyOf(edits);
    preview = List.copyOf(preview);
  }

  /**
   * One edit: the region from {@code (startLine, startColumn)} up to, not including, {@code
   * (endLine, endColumn)} replaced by {@code text}; an insertion when the region is empty. Lines
   * and columns are 1-based, columns in UTF-16 code units, as in SARIF.
   */
  public record Edit(int startLine, int startColumn, int endLine, int endColumn, String text) {}

  /**
   * The suggestion for edits given as character offsets into {@code source}: {@code offsets} holds
   * start, end pairs, {@code texts} the replacement of each.
   */
  static FixSuggestion of(CharSequence source, List<int[]> offsets, List<String> texts) {
    SourceText text = SourceText.of(source);
    List<Edit> edits = new ArrayList<>();
    for (int i = 0; i < offsets.size(); i++) {
      int start = offsets.get(i)[0];
      int end = offsets.get(i)[1];
      edits.add(
          new Edit(
              text.line(start),
              text.column(start),
              text.line(end),
              text.column(end),
              texts.get(i)));
    }
    return new FixSuggestion(edits, preview(source, text, offsets, texts));
  }

  /**
   * Edits on the same or adjacent lines make one hunk; each hunk shows its old lines and its new
   * ones, without the lines at its edges that did not change.
   */
  private static List<String> preview(
      CharSequence source, SourceText text, List<int[]> offsets, List<String> texts) {
    List<String> lines = new ArrayList<>();
    int i = 0;
    while (i < offsets.size()) {
      int firstLine = text.line(offsets.get(i)[0]);
      int lastLine = text.line(offsets.get(i)[1]);
      int j = i + 1;
      while (j < offsets.size() && text.line(offsets.get(j)[0]) <= lastLine + 1) {
        lastLine = Math.max(lastLine, text.line(offsets.get(j)[1]));
        j++;
      }
      int hunkStart = text.lineStart(firstLine);
      int hunkEnd = text.lineEnd(lastLine);
      StringBuilder changed = new StringBuilder();
      int at = hunkStart;
      for (int k = i; k < j; k++) {
        changed.append(source, at, offsets.get(k)[0]).append(texts.get(k));
        at = offsets.get(k)[1];
      }
      changed.append(source, at, hunkEnd);
      List<String> before = lines(source.subSequence(hunkStart, hunkEnd));
      List<String> after = lines(changed);
      int common = 0;
      while (common < before.size()
          && common < after.size()
          && before.get(common).equals(after.get(common))) {
        common++;
      }
      int tail = 0;
      while (tail < before.size() - common
          && tail < after.size() - common
          && before.get(before.size() - 1 - tail).equals(after.get(after.size() - 1 - tail))) {
        tail++;
      }
      lines.add("line " + (firstLine + common) + ":");
      before.subList(common, before.size() - tail).forEach(line -> lines.add("- " + line));
      after.subList(common, after.size() - tail).forEach(line -> lines.add("+ " + line));
      i = j;
    }
    return lines;
  }

  private static List<String> lines(CharSequence text) {
    return List.of(text.toString().replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
  }
}
