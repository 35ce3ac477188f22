package io.oomguard.checker;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.jspecify.annotations.Nullable;

/**
 * Reads the Error Prone method matchers out of main source files, independently of the code that
 * builds them, so that a test can prove a {@link MethodNameFilter} holds every name they match.
 *
 * <p>Every chain that starts at {@code instanceMethod()}, {@code staticMethod()}, {@code
 * anyMethod()} or {@code constructor()} must take its names ({@code named}, {@code namedAnyOf},
 * {@code withNameMatching}) or, for a constructor, its class ({@code forClass}) through the file's
 * {@code NAMES} filter; a chain that does not, or that matches any name, is reported. The string
 * literals and prefixes found in those arguments are returned, to be compared with the filter, and
 * every chain must sit inside a {@code NAMES.guard(...)}. A guard one of whose chains registers its
 * receivers ({@code onDescendantOf(NAMES.receiver(...))}) turns away calls on other receivers, so
 * every chain in it must be an {@code instanceMethod()} that registers its receivers too.
 */
public final class MatcherSources {
  private static final ImmutableSet<String> METHOD_ROOTS =
      ImmutableSet.of("instanceMethod", "staticMethod", "anyMethod");
  private static final ImmutableSet<String> NAME_LINKS =
      ImmutableSet.of("named", "namedAnyOf", "withNameMatching");
  private static final ImmutableSet<String> RECEIVER_LINKS =
      ImmutableSet.of("onDescendantOf", "onDescendantOfAny");

  /** What the matchers of some source files match. */
  public record Matchers(
      int chains,
      ImmutableSet<String> names,
      ImmutableSet<String> prefixes,
      ImmutableList<String> unguarded,
      boolean constructors,
      ImmutableList<String> unregistered,
      ImmutableList<String> receiversMissing) {}

  private MatcherSources() {}

  /** Reads the matchers of the main source files of these classes. */
  public static Matchers of(Class<?>... classes) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      List<Path> paths = new ArrayList<>();
      for (Class<?> type : classes) {
        paths.add(
            Path.of("src/main/java", type.getName().replace('.', '/') + ".java").toAbsolutePath());
      }
      JavacTask task =
          (JavacTask)
              javac.getTask(
                  null, files, null, null, null, files.getJavaFileObjectsFromPaths(paths));
      Collector collector = new Collector();
      for (CompilationUnitTree unit : task.parse()) {
        collector.scan(unit, null);
      }
      return new Matchers(
          collector.chains,
          ImmutableSet.copyOf(collector.names),
          ImmutableSet.copyOf(collector.prefixes),
          ImmutableList.copyOf(collector.unguarded),
          collector.constructors,
          ImmutableList.copyOf(collector.unregistered),
          collector.receiversMissing());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Asserts that {@code filter} lets through every name that the matchers in {@code classes} match,
   * and that every matcher there takes its names through a filter.
   */
  public static void assertCovers(MethodNameFilter filter, Class<?>... classes) {
    Matchers matchers = of(classes);
    assertWithMessage("matcher chains found").that(matchers.chains()).isGreaterThan(0);
    assertWithMessage("matchers whose names bypass the NAMES filter")
        .that(matchers.unregistered())
        .isEmpty();
    assertWithMessage("names the matchers match")
        .that(filter.names())
        .containsAtLeastElementsIn(matchers.names());
    assertWithMessage("name prefixes the matchers match")
        .that(filter.prefixes())
        .containsAtLeastElementsIn(matchers.prefixes());
    assertWithMessage("matchers not wrapped in NAMES.guard(...)")
        .that(matchers.unguarded())
        .isEmpty();
    assertWithMessage("matchers in a guard with receivers that do not register theirs")
        .that(matchers.receiversMissing())
        .isEmpty();
    if (matchers.constructors()) {
      assertWithMessage("super(...) and this(...) calls, which constructor matchers match")
          .that(filter.mayMatch("<init>"))
          .isTrue();
    }
  }

  private static final class Collector extends TreePathScanner<Void, Void> {
    int chains;
    final Set<String> names = new LinkedHashSet<>();
    final Set<String> prefixes = new LinkedHashSet<>();
    final List<String> unguarded = new ArrayList<>();
    boolean constructors;
    final List<String> unregistered = new ArrayList<>();

    /**
     * Per NAMES.guard(...) call, its chains, and whether each is an instance method on receivers.
     */
    final Map<Tree, Map<String, Boolean>> guards = new LinkedHashMap<>();

    ImmutableList<String> receiversMissing() {
      ImmutableList.Builder<String> missing = ImmutableList.builder();
      for (Map<String, Boolean> chains : guards.values()) {
        if (chains.containsValue(true)) {
          chains.forEach(
              (chain, onReceivers) -> {
                if (!onReceivers) {
                  missing.add(chain);
                }
              });
        }
      }
      return missing.build();
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
      String root = calledName(call);
      if (call.getArguments().isEmpty()
          && (METHOD_ROOTS.contains(root) || root.equals("constructor"))) {
        chains++;
        checkChain(root, getCurrentPath());
      }
      return super.visitMethodInvocation(call, unused);
    }

    /** Follows the chain {@code root().a(..).b(..)} up the tree and checks its name links. */
    private void checkChain(String root, TreePath rootPath) {
      boolean constructor = root.equals("constructor");
      Set<String> required = constructor ? Set.of("forClass") : NAME_LINKS;
      boolean registered = false;
      boolean onReceivers = false;
      TreePath link = rootPath;
      while (link.getParentPath().getLeaf() instanceof MemberSelectTree select
          && link.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree next
          && next.getMethodSelect() == select) {
        String name = select.getIdentifier().toString();
        if (RECEIVER_LINKS.contains(name)
            && root.equals("instanceMethod")
            && next.getArguments().size() == 1
            && isFilterCall(next.getArguments().get(0), "receiver", "receivers")) {
          onReceivers = true;
        }
        if (required.contains(name)
            && next.getArguments().size() == 1
            && next.getArguments().get(0) instanceof MethodInvocationTree argument
            && argument.getMethodSelect() instanceof MemberSelectTree filter
            && filter.getExpression() instanceof IdentifierTree owner
            && owner.getName().contentEquals("NAMES")) {
          registered = true;
          String kind = filter.getIdentifier().toString();
          constructors |= kind.equals("constructor");
          collectLiterals(argument, kind.equals("prefix") ? prefixes : names, !constructor);
        }
        link = link.getParentPath().getParentPath();
      }
      if (!registered) {
        unregistered.add(link.getLeaf().toString());
      }
      Tree guard = guardOf(link);
      if (guard == null) {
        unguarded.add(link.getLeaf().toString());
      } else {
        guards
            .computeIfAbsent(guard, unused -> new LinkedHashMap<>())
            .put(link.getLeaf().toString(), onReceivers);
      }
    }

    /** The innermost {@code NAMES.guard(...)} call around the chain ending at {@code chain}. */
    private static @Nullable Tree guardOf(TreePath chain) {
      for (TreePath path = chain; path != null; path = path.getParentPath()) {
        if (isFilterCall(path.getLeaf(), "guard")) {
          return path.getLeaf();
        }
      }
      return null;
    }

    /** Whether {@code tree} is {@code NAMES.m(...)} for one of the method names given. */
    private static boolean isFilterCall(Tree tree, String... methods) {
      return tree instanceof MethodInvocationTree call
          && call.getMethodSelect() instanceof MemberSelectTree select
          && Set.of(methods).contains(select.getIdentifier().toString())
          && select.getExpression() instanceof IdentifierTree owner
          && owner.getName().contentEquals("NAMES");
    }

    private static void collectLiterals(Tree tree, Set<String> into, boolean take) {
      if (!take) {
        return; // a constructor's class name is no method name
      }
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitLiteral(LiteralTree literal, Void unused) {
          if (literal.getValue() instanceof String value) {
            into.add(value);
          }
          return null;
        }
      }.scan(tree, null);
    }

    private static String calledName(MethodInvocationTree call) {
      ExpressionTree select = call.getMethodSelect();
      if (select instanceof MemberSelectTree member) {
        return member.getIdentifier().toString();
      }
      return select instanceof IdentifierTree identifier ? identifier.getName().toString() : "";
    }
  }
}
