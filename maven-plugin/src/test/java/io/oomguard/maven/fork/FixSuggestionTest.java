package io.oomguard.maven.fork;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the build log shows of a fix: the lines it changes, old and new. */
final class FixSuggestionTest {
  private static final String SOURCE =
      "class Worker {\n"
          + "  private final Pool pool = Pools.fixed(4);\n"
          + "\n"
          + "  void run() {}\n"
          + "}\n";

  @Test
  void replacementAndMemberAddedAtTheEnd_twoHunksWithOnlyTheChangedLines() {
    int call = SOURCE.indexOf("Pools.fixed(4)");
    int closing = SOURCE.lastIndexOf('}');

    FixSuggestion fix =
        FixSuggestion.of(
            SOURCE,
            List.of(
                new int[] {call, call + "Pools.fixed(4)".length()}, new int[] {closing, closing}),
            List.of("new Pool(4, QUEUE)", "\n  private static final int QUEUE = 1_000;\n"));

    assertThat(fix.preview())
        .containsExactly(
            "line 2:",
            "-   private final Pool pool = Pools.fixed(4);",
            "+   private final Pool pool = new Pool(4, QUEUE);",
            "line 5:",
            "+ ",
            "+   private static final int QUEUE = 1_000;")
        .inOrder();
    assertThat(fix.edits().get(0))
        .isEqualTo(new FixSuggestion.Edit(2, 29, 2, 43, "new Pool(4, QUEUE)"));
    assertThat(fix.edits().get(1).startLine()).isEqualTo(5);
    assertThat(fix.edits().get(1).startColumn()).isEqualTo(1);
  }

  @Test
  void editsOnAdjacentLines_oneHunk() {
    int first = SOURCE.indexOf("private");
    int second = SOURCE.indexOf("\n\n") + 1; // the empty line 3, right after line 2

    FixSuggestion fix =
        FixSuggestion.of(
            SOURCE,
            List.of(new int[] {first, first + 7}, new int[] {second, second}),
            List.of("protected", "// x\n"));

    assertThat(fix.preview().stream().filter(line -> line.startsWith("line ")).toList())
        .containsExactly("line 2:");
  }
}
