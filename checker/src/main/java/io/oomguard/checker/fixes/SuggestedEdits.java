package io.oomguard.checker.fixes;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.Fix;
import com.google.errorprone.fixes.Replacement;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The edits of a suggested fix as plain data (offsets into the source and the text that replaces
 * them, imports included), for tools that show a fix themselves: Error Prone's diagnostic quotes
 * only the first line a fix edits. The Maven plugin's analysis JVM {@linkplain #listen listens} and
 * puts the edits into its console lines and its SARIF report; in compiler-plugin mode nobody
 * listens and nothing is computed.
 */
public final class SuggestedEdits {
  /**
   * One edit: the characters {@code [start, end)} of the source replaced by {@code text} (an
   * insertion when {@code start == end}).
   */
  public record Edit(int start, int end, String text) {}

  /**
   * The edits of a check's first fix for one finding.
   *
   * @param check the check's name
   * @param file the source file's URI, as javac names it
   * @param position the finding's start offset, as its diagnostic reports it
   * @param edits the edits, in source order, not overlapping
   */
  public record Suggested(String check, URI file, int position, ImmutableList<Edit> edits) {}

  private static volatile @Nullable Consumer<Suggested> listener;

  private SuggestedEdits() {}

  /** Sends every fix suggested from now on, as edits, to {@code consumer}; null stops it. */
  public static void listen(@Nullable Consumer<Suggested> consumer) {
    listener = consumer;
  }

  /**
   * Whether {@code fix} can be applied to the source of {@code state}'s compilation unit (its edits
   * neither overlap nor leave the file); when a tool listens, it hears of the fix.
   */
  public static boolean appliesCleanly(String check, int position, Fix fix, VisitorState state) {
    JCCompilationUnit unit = (JCCompilationUnit) state.getPath().getCompilationUnit();
    CharSequence source = sourceOf(unit);
    // Throws for overlapping edits and positions outside the file: what Error Prone would
    // otherwise hit while it words the diagnostic, as a compiler crash.
    EndPositions.apply(source, unit, fix);
    Consumer<Suggested> consumer = listener;
    if (consumer != null) {
      consumer.accept(
          new Suggested(
              check, unit.getSourceFile().toUri(), position, edits(fix, unit, source, state)));
    }
    return true;
  }

  private static ImmutableList<Edit> edits(
      Fix fix, JCCompilationUnit unit, CharSequence source, VisitorState state) {
    List<Edit> edits = new ArrayList<>();
    for (Replacement replacement : EndPositions.replacements(fix, unit)) {
      edits.add(
          new Edit(
              replacement.startPosition(), replacement.endPosition(), replacement.replaceWith()));
    }
    if (!fix.getImportsToAdd().isEmpty()) {
      int at = importPosition(unit, source, state);
      StringBuilder imports = new StringBuilder();
      for (String statement : ImmutableList.sortedCopyOf(fix.getImportsToAdd())) {
        imports.append(at == 0 ? "" : "\n").append(statement).append(';');
        if (at == 0) {
          imports.append('\n');
        }
      }
      edits.add(new Edit(at, at, imports.toString()));
    }
    edits.sort(Comparator.comparingInt(Edit::start));
    return ImmutableList.copyOf(edits);
  }

  /** Just after the last import, else after the package declaration, else the file's start. */
  private static int importPosition(
      CompilationUnitTree unit, CharSequence source, VisitorState state) {
    List<? extends ImportTree> imports = unit.getImports();
    Tree anchor = imports.isEmpty() ? unit.getPackage() : imports.get(imports.size() - 1);
    if (anchor == null) {
      return 0;
    }
    int end = state.getEndPosition(anchor);
    return end < 0 || end > source.length() ? 0 : end;
  }

  private static CharSequence sourceOf(CompilationUnitTree unit) {
    try {
      return unit.getSourceFile().getCharContent(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
