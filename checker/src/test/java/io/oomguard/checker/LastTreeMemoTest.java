package io.oomguard.checker;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.api.BasicJavacTask;
import com.sun.tools.javac.api.JavacTool;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@link LastTreeMemo}: the value of the last tree asked about, worked out once while it lasts. */
final class LastTreeMemoTest {
  private final AtomicInteger computed = new AtomicInteger();
  private final LastTreeMemo<String> memo = new LastTreeMemo<>();

  private String describe(TreePath path, VisitorState unused) {
    computed.incrementAndGet();
    return path.getLeaf().getKind() + "#" + computed.get();
  }

  @Test
  void theSameTreeAskedInTurn_isWorkedOutOnce() throws IOException {
    Parsed parsed = parse("class A {} class B {}");

    String first = memo.get(parsed.classPath(0), parsed.state(), this::describe);
    String again = memo.get(parsed.classPath(0), parsed.state(), this::describe);

    assertThat(first).isEqualTo("CLASS#1");
    assertThat(again).isSameInstanceAs(first);
    assertThat(computed.get()).isEqualTo(1);
  }

  @Test
  void anotherTree_replacesTheKeptValue() throws IOException {
    Parsed parsed = parse("class A {} class B {}");

    memo.get(parsed.classPath(0), parsed.state(), this::describe);
    String second = memo.get(parsed.classPath(1), parsed.state(), this::describe);
    String firstAgain = memo.get(parsed.classPath(0), parsed.state(), this::describe);

    assertThat(second).isEqualTo("CLASS#2");
    assertThat(firstAgain).isEqualTo("CLASS#3"); // only the last tree is kept
  }

  @Test
  void anotherCompilation_keepsItsOwnValue() throws IOException {
    Parsed one = parse("class A {}");
    Parsed other = parse("class A {}");

    memo.get(one.classPath(0), one.state(), this::describe);
    memo.get(other.classPath(0), other.state(), this::describe);
    String oneAgain = memo.get(one.classPath(0), one.state(), this::describe);

    assertThat(oneAgain).isEqualTo("CLASS#1");
    assertThat(computed.get()).isEqualTo(2);
  }

  @Test
  void aComputationThatThrows_keepsTheValueBefore() throws IOException {
    Parsed parsed = parse("class A {} class B {}");
    memo.get(parsed.classPath(0), parsed.state(), this::describe);

    assertThrows(
        IllegalStateException.class,
        () ->
            memo.get(
                parsed.classPath(1),
                parsed.state(),
                (path, state) -> {
                  throw new IllegalStateException("no facts");
                }));
    String firstAgain = memo.get(parsed.classPath(0), parsed.state(), this::describe);

    assertThat(firstAgain).isEqualTo("CLASS#1");
  }

  private record Parsed(CompilationUnitTree unit, VisitorState state) {
    TreePath classPath(int index) {
      return new TreePath(new TreePath(unit), unit.getTypeDecls().get(index));
    }
  }

  private static Parsed parse(String source) throws IOException {
    JavaFileObject file = StringSources.file(source);
    JavacTask task = JavacTool.create().getTask(null, null, null, null, null, List.of(file));
    CompilationUnitTree unit = task.parse().iterator().next();
    return new Parsed(
        unit, VisitorState.createForUtilityPurposes(((BasicJavacTask) task).getContext()));
  }
}
