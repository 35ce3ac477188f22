package io.oomguard.maven.fork;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * What the forked analyzer found, as data: written by the fork from javac's diagnostics, read by
 * the plugin. No compiler output is ever scraped.
 *
 * <p>The file is UTF-8, one record per line, tab-separated fields with {@code \\}, {@code \t},
 * {@code \n} and {@code \r} escaped.
 *
 * @param findings diagnostics of the oomguard checks
 * @param errors compiler errors (the sources do not compile, or Error Prone crashed)
 * @param passes how long each compiler pass took, for the debug log
 */
public record ForkResults(List<Found> findings, List<CompileError> errors, List<Pass> passes) {
  private static final String HEADER = "oomguard-fork-results\t2";

  public ForkResults {
    findings = List.copyOf(findings);
    errors = List.copyOf(errors);
    passes = List.copyOf(passes);
  }

  /**
   * One oomguard diagnostic.
   *
   * @param check the check name
   * @param file the absolute source path
   * @param line 1-based start line
   * @param column 1-based start column, in UTF-16 code units
   * @param endLine 1-based end line
   * @param endColumn 1-based column just past the end
   * @param message the check's message, without the {@code [Name]} prefix and the link
   * @param enclosingClass the enclosing named class, {@code Outer.Inner}
   * @param enclosingMember the enclosing method, field or initializer
   * @param lineText the source line at {@code line}
   * @param suppressedBy the suppressing annotation when only the second pass (suppressions ignored)
   *     reported it, else empty
   * @param justification the reason given by the suppressing {@code @OomSafe}, else empty
   * @param fix what the check's suggested fix changes, or {@code null} when it offers none
   */
  public record Found(
      String check,
      Path file,
      int line,
      int column,
      int endLine,
      int endColumn,
      String message,
      String enclosingClass,
      String enclosingMember,
      String lineText,
      String suppressedBy,
      String justification,
      FixSuggestion fix) {}

  /**
   * A compiler error.
   *
   * @param file the source file, or {@code null} when the error has none
   * @param line 1-based line, or 0
   * @param column 1-based column, or 0
   * @param message javac's message
   */
  public record CompileError(Path file, int line, int column, String message) {}

  /**
   * One javac run in the fork.
   *
   * @param name {@code analysis} or {@code suppressed}
   * @param millis how long it took
   * @param files how many source files it compiled
   */
  public record Pass(String name, long millis, int files) {}

  /** Writes these results to {@code file}. */
  public void write(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    for (Found f : findings) {
      lines.add(
          row(
              "finding",
              f.check(),
              f.file().toString(),
              Integer.toString(f.line()),
              Integer.toString(f.column()),
              Integer.toString(f.endLine()),
              Integer.toString(f.endColumn()),
              f.message(),
              f.enclosingClass(),
              f.enclosingMember(),
              f.lineText(),
              f.suppressedBy(),
              f.justification(),
              f.fix() == null ? "" : String.join("\n", f.fix().preview())));
      if (f.fix() != null) {
        for (FixSuggestion.Edit edit : f.fix().edits()) {
          lines.add(
              row(
                  "edit",
                  Integer.toString(edit.startLine()),
                  Integer.toString(edit.startColumn()),
                  Integer.toString(edit.endLine()),
                  Integer.toString(edit.endColumn()),
                  edit.text()));
        }
      }
    }
    for (CompileError e : errors) {
      lines.add(
          row(
              "error",
              e.file() == null ? "" : e.file().toString(),
              Integer.toString(e.line()),
              Integer.toString(e.column()),
              e.message()));
    }
    for (Pass p : passes) {
      lines.add(row("pass", p.name(), Long.toString(p.millis()), Integer.toString(p.files())));
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  /** Reads results written by {@link #write}. */
  public static ForkResults read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new IOException("Not an oomguard fork results file: " + file);
    }
    List<Found> findings = new ArrayList<>();
    List<CompileError> errors = new ArrayList<>();
    List<Pass> passes = new ArrayList<>();
    List<String> preview = List.of(); // of the last finding, whose edits follow it
    List<FixSuggestion.Edit> edits = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> f = fields(line);
      if (!f.get(0).equals("edit") && !edits.isEmpty()) {
        findings.add(withFix(findings.remove(findings.size() - 1), preview, edits));
        edits.clear();
      }
      switch (f.get(0)) {
        case "finding" -> {
          expect(f, 14, line, file);
          preview = f.get(13).isEmpty() ? List.of() : List.of(f.get(13).split("\n", -1));
          findings.add(
              new Found(
                  f.get(1),
                  Paths.get(f.get(2)),
                  Integer.parseInt(f.get(3)),
                  Integer.parseInt(f.get(4)),
                  Integer.parseInt(f.get(5)),
                  Integer.parseInt(f.get(6)),
                  f.get(7),
                  f.get(8),
                  f.get(9),
                  f.get(10),
                  f.get(11),
                  f.get(12),
                  null));
        }
        case "edit" -> {
          expect(f, 6, line, file);
          if (findings.isEmpty()) {
            throw new IOException("An edit before any finding in " + file + ": " + line);
          }
          edits.add(
              new FixSuggestion.Edit(
                  Integer.parseInt(f.get(1)),
                  Integer.parseInt(f.get(2)),
                  Integer.parseInt(f.get(3)),
                  Integer.parseInt(f.get(4)),
                  f.get(5)));
        }
        case "error" -> {
          expect(f, 5, line, file);
          errors.add(
              new CompileError(
                  f.get(1).isEmpty() ? null : Paths.get(f.get(1)),
                  Integer.parseInt(f.get(2)),
                  Integer.parseInt(f.get(3)),
                  f.get(4)));
        }
        case "pass" -> {
          expect(f, 4, line, file);
          passes.add(new Pass(f.get(1), Long.parseLong(f.get(2)), Integer.parseInt(f.get(3))));
        }
        default -> throw new IOException("Unknown record in " + file + ": " + line);
      }
    }
    if (!edits.isEmpty()) {
      findings.add(withFix(findings.remove(findings.size() - 1), preview, edits));
    }
    return new ForkResults(findings, errors, passes);
  }

  private static Found withFix(Found found, List<String> preview, List<FixSuggestion.Edit> edits) {
    return new Found(
        found.check(),
        found.file(),
        found.line(),
        found.column(),
        found.endLine(),
        found.endColumn(),
        found.message(),
        found.enclosingClass(),
        found.enclosingMember(),
        found.lineText(),
        found.suppressedBy(),
        found.justification(),
        new FixSuggestion(edits, preview));
  }

  private static void expect(List<String> fields, int count, String line, Path file)
      throws IOException {
    if (fields.size() != count) {
      throw new IOException("Malformed record in " + file + ": " + line);
    }
  }

  private static String row(String... fields) {
    int length = fields.length;
    for (String field : fields) {
      length += field == null ? 0 : field.length();
    }
    StringBuilder row = new StringBuilder(length + length / 8); // room for a few escapes
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        row.append('\t');
      }
      escape(fields[i] == null ? "" : fields[i], row);
    }
    return row.toString();
  }

  private static void escape(String value, StringBuilder out) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
  }

  private static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder(line.length()); // reused for every field of the line
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\t') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\\' && i + 1 < line.length()) {
        char next = line.charAt(++i);
        field.append(
            switch (next) {
              case 't' -> '\t';
              case 'n' -> '\n';
              case 'r' -> '\r';
              default -> next;
            });
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
