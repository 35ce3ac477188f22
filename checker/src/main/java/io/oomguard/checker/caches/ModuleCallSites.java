package io.oomguard.checker.caches;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symtab;
import com.sun.tools.javac.util.Options;
import io.oomguard.checker.PerCompilation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The calls of the module's own methods and constructors, across every class of the compilation:
 * who calls a method, from where, with which arguments; and the classes the module declares.
 *
 * <p>javac attributes every compilation unit before Error Prone's checks run when the compile
 * policy is {@code simple} (Error Prone's requirement, and what the Maven plugin passes), so the
 * typed trees of the other classes are there to read while one class is analyzed. Under another
 * policy the other classes may not be attributed yet: the model is then {@link #complete()
 * incomplete} and knows no calls at all, and the analyses that ask fall back to what one class
 * shows. Built on first use, once per compilation.
 */
public final class ModuleCallSites {
  private static final PerCompilation<Slot> SLOTS = new PerCompilation<>(Slot::new);

  private static final ModuleCallSites INCOMPLETE =
      new ModuleCallSites(false, Set.of(), Map.of(), ImmutableList.of());

  private final boolean complete;
  private final Set<ClassSymbol> sourceClasses;
  private final Map<Symbol, List<TreePath>> calls;
  private final ImmutableList<ClassSymbol> classes;

  private ModuleCallSites(
      boolean complete,
      Set<ClassSymbol> sourceClasses,
      Map<Symbol, List<TreePath>> calls,
      ImmutableList<ClassSymbol> classes) {
    this.complete = complete;
    this.sourceClasses = sourceClasses;
    this.calls = calls;
    this.classes = classes;
  }

  /** The model of {@code state}'s compilation, built the first time any check asks. */
  public static ModuleCallSites of(VisitorState state) {
    Slot slot = SLOTS.get(state);
    if (slot.value == null) {
      slot.value = build(state);
    }
    return slot.value;
  }

  /** Whether every compilation unit was attributed and read: only then is a missing call news. */
  public boolean complete() {
    return complete;
  }

  /**
   * The calls of {@code method} (invocations, {@code new}, method references), including calls of
   * the module's own methods it overrides, which may dispatch to it; each as the path of the call.
   */
  public ImmutableList<TreePath> callsTo(MethodSymbol method, VisitorState state) {
    ImmutableList.Builder<TreePath> sites = ImmutableList.builder();
    sites.addAll(calls.getOrDefault(method, List.of()));
    if (!method.isConstructor() && !method.isStatic()) {
      for (MethodSymbol overridden : ASTHelpers.findSuperMethods(method, state.getTypes())) {
        sites.addAll(calls.getOrDefault(overridden, List.of()));
      }
    }
    return sites.build();
  }

  /** Every class declared in the module's sources, nested, local and anonymous ones included. */
  public ImmutableList<ClassSymbol> classes() {
    return classes;
  }

  /**
   * Whether {@code symbol} is declared in one of the compilation's source files (not in a library);
   * false for everything when the model is incomplete.
   */
  public boolean isInSource(@Nullable Symbol symbol) {
    if (symbol == null) {
      return false;
    }
    ClassSymbol outermost = ASTHelpers.outermostClass(symbol);
    return outermost != null && sourceClasses.contains(outermost);
  }

  /** The declaration of a source method, or null when it is not in this compilation's trees. */
  public @Nullable TreePath declaration(MethodSymbol method, VisitorState state) {
    if (!isInSource(method)) {
      return null;
    }
    return JavacTrees.instance(state.context).getPath(method);
  }

  private static ModuleCallSites build(VisitorState state) {
    if (!"simple".equals(Options.instance(state.context).get("compilePolicy"))) {
      return INCOMPLETE;
    }
    JavacTrees trees = JavacTrees.instance(state.context);
    Set<CompilationUnitTree> units = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<ClassSymbol> sourceClasses = new HashSet<>();
    List<CompilationUnitTree> ordered = new ArrayList<>();
    for (ClassSymbol type : Symtab.instance(state.context).getAllClasses()) {
      // Only classes entered from source have a tree; asking does not complete the others.
      TreePath path = type.owner instanceof Symbol.PackageSymbol ? trees.getPath(type) : null;
      if (path != null) {
        sourceClasses.add(type);
        if (units.add(path.getCompilationUnit())) {
          ordered.add(path.getCompilationUnit());
        }
      }
    }
    CallScanner scanner = new CallScanner(sourceClasses);
    for (CompilationUnitTree unit : ordered) {
      scanner.scan(unit, null);
    }
    return new ModuleCallSites(
        true, sourceClasses, scanner.calls, ImmutableList.copyOf(scanner.classes));
  }

  private static final class CallScanner extends TreePathScanner<Void, Void> {
    private final Set<ClassSymbol> sourceClasses;
    final Map<Symbol, List<TreePath>> calls = new HashMap<>();
    final List<ClassSymbol> classes = new ArrayList<>();

    CallScanner(Set<ClassSymbol> sourceClasses) {
      this.sourceClasses = sourceClasses;
    }

    @Override
    public Void visitClass(ClassTree node, Void unused) {
      ClassSymbol symbol = ASTHelpers.getSymbol(node);
      if (symbol != null) {
        classes.add(symbol);
      }
      return super.visitClass(node, unused);
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
      record(ASTHelpers.getSymbol(node));
      return super.visitMethodInvocation(node, unused);
    }

    @Override
    public Void visitNewClass(NewClassTree node, Void unused) {
      record(ASTHelpers.getSymbol(node));
      return super.visitNewClass(node, unused);
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree node, Void unused) {
      record(ASTHelpers.getSymbol(node));
      return super.visitMemberReference(node, unused);
    }

    private void record(@Nullable Symbol callee) {
      if (callee instanceof MethodSymbol method
          && sourceClasses.contains(ASTHelpers.outermostClass(method))) {
        calls.computeIfAbsent(method, m -> new ArrayList<>()).add(getCurrentPath());
      }
    }
  }

  private static final class Slot {
    @Nullable ModuleCallSites value;
  }
}
