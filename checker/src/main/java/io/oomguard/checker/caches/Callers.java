package io.oomguard.checker.caches;

import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.oomguard.checker.PerCompilation;
import io.oomguard.checker.config.OomGuardFlags;
import io.oomguard.checker.hotpath.HotPaths;
import io.oomguard.checker.hotpath.StartUpMethods;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * When a piece of the module's code runs, judged from who calls it, across every class of the
 * module ({@link ModuleCallSites}): only at start-up, at run time, never, or by code outside the
 * module. A {@code ThreadLocal}'s initializer runs once per thread, which counts as start-up: a
 * pool's threads are few and live long. A method runs at start-up when every call of it is in
 * start-up code ({@link StartUpMethods}, static initializers, constructors and initializers of
 * singletons) or in methods that themselves run only at start-up; a call made in a lambda or an
 * anonymous class handed to other code runs whenever that code runs it, which counts as run time.
 */
public final class Callers {
  /** When code runs, as far as the module's own calls tell. */
  public enum Reach {
    /** Only while the application or its objects start: every call is in start-up code. */
    START_UP,
    /** Never: a private method nothing calls. */
    UNCALLED,
    /** At run time: some call is made at run time, or a framework or library calls it. */
    RUNTIME,
    /**
     * Only through code outside the module's main sources: a method nothing in them calls, which
     * other modules, a framework by reflection, or tests may call.
     */
    EXTERNAL,
    /** Not known: the module's trees are not all available, or the chain of callers is too long. */
    UNKNOWN
  }

  private static final Matcher<ExpressionTree> WITH_INITIAL =
      staticMethod().onClass("java.lang.ThreadLocal").named("withInitial");

  /** How many methods up the chain of callers are followed. */
  private static final int MAX_DEPTH = 8;

  /** How many calls one question may look at before its answer is not known. */
  private static final int MAX_CALLS = 5_000;

  private int calls;

  /** Annotations of methods a container calls once, to inject a dependency. */
  private static final ImmutableSet<String> INJECTION =
      ImmutableSet.of(
          "org.springframework.beans.factory.annotation.Autowired",
          "jakarta.inject.Inject",
          "javax.inject.Inject",
          "com.google.inject.Inject",
          "jakarta.annotation.Resource",
          "javax.annotation.Resource");

  /**
   * Names of set-up and registration methods ({@code init*}, {@code register*}, {@code set*}, ...).
   * Used only for code whose callers are outside the module: there the name is all there is.
   */
  private static final Pattern SET_UP_NAME =
      Pattern.compile(
          "(register|subscribe|init|initiali[sz]e|setup|setUp|configure)(\\p{Lu}\\w*)?"
              + "|set\\p{Lu}\\w*"
              + "|add\\w*(Listener|Handler|Hook|Callback|Observer|Interceptor|Plugin)s?");

  private final VisitorState state;
  private final ModuleCallSites module;
  private final Map<MethodSymbol, Reach> memo;
  private final Set<MethodSymbol> visiting = new HashSet<>();
  private boolean cutCycle;

  private Callers(VisitorState state, ModuleCallSites module, Map<MethodSymbol, Reach> memo) {
    this.state = state;
    this.module = module;
    this.memo = memo;
  }

  /** The answers of the current compilation, by method. */
  private static final PerCompilation<Map<MethodSymbol, Reach>> MEMO =
      new PerCompilation<>(HashMap::new);

  /**
   * When the code at {@code path} runs: the reach of the method, initializer or lambda around it.
   */
  public static Reach of(TreePath path, VisitorState state) {
    ModuleCallSites module = ModuleCallSites.of(state);
    if (!module.complete()) {
      return Reach.UNKNOWN;
    }
    return new Callers(state, module, MEMO.get(state)).site(path, 0);
  }

  /** When {@code method} runs. */
  public static Reach of(MethodSymbol method, VisitorState state) {
    ModuleCallSites module = ModuleCallSites.of(state);
    if (!module.complete()) {
      return Reach.UNKNOWN;
    }
    return new Callers(state, module, MEMO.get(state)).method(method, 0);
  }

  /** Whether {@code method}'s name is one of a set-up or registration method. */
  public static boolean hasSetUpName(MethodSymbol method) {
    return SET_UP_NAME.matcher(method.getSimpleName().toString()).matches();
  }

  /** The reach of the code at {@code path}, from the innermost method, lambda or initializer. */
  private Reach site(TreePath path, int depth) {
    Tree child = path.getLeaf();
    for (TreePath current = path.getParentPath();
        current != null;
        child = current.getLeaf(), current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (child instanceof LambdaExpressionTree || child instanceof MemberReferenceTree) {
        if (isThreadInitializer(current)) {
          return Reach.START_UP; // once per thread, and a pool's threads are few
        }
        if (!runsNow(current)) {
          return Reach.RUNTIME; // a callback: it runs whenever its receiver calls it
        }
      } else if (leaf instanceof MethodTree method) {
        MethodSymbol symbol = ASTHelpers.getSymbol(method);
        return symbol == null ? Reach.UNKNOWN : method(symbol, depth + 1);
      } else if (leaf instanceof ClassTree type) {
        return initializer(type, child, depth);
      }
    }
    return Reach.UNKNOWN;
  }

  /** A field initializer or initializer block of {@code type}. */
  private Reach initializer(ClassTree type, Tree member, int depth) {
    boolean isStatic =
        (member instanceof BlockTree block && block.isStatic())
            || (member instanceof VariableTree variable
                && variable.getModifiers().getFlags().contains(Modifier.STATIC));
    ClassSymbol symbol = ASTHelpers.getSymbol(type);
    if (isStatic || symbol == null) {
      return Reach.START_UP;
    }
    return objectCreation(symbol, depth);
  }

  /** When objects of {@code type} are created: once for a singleton, else where it is created. */
  private Reach objectCreation(ClassSymbol type, int depth) {
    if (Lifetimes.singletonKind(type, state).isPresent()) {
      return Reach.START_UP;
    }
    if (type.isAnonymous()) {
      return Reach.RUNTIME; // created where it is declared: not followed
    }
    Reach reach = null;
    for (Symbol member : type.getEnclosedElements()) {
      if (member instanceof MethodSymbol constructor && constructor.isConstructor()) {
        reach = combine(reach, orUncalled(calls(constructor, depth), constructor));
      }
    }
    return reach == null ? Reach.UNCALLED : reach;
  }

  private Reach method(MethodSymbol method, int depth) {
    Reach known = memo.get(method);
    if (known != null) {
      return known;
    }
    if (depth > MAX_DEPTH) {
      return Reach.UNKNOWN;
    }
    if (!visiting.add(method)) {
      cutCycle = true;
      return Reach.UNCALLED; // a recursive call adds nothing to the callers from outside
    }
    boolean cutBefore = cutCycle;
    cutCycle = false;
    try {
      Reach reach = compute(method, depth);
      if (!cutCycle) {
        memo.put(method, reach);
      }
      return reach;
    } finally {
      visiting.remove(method);
      cutCycle |= cutBefore;
    }
  }

  private Reach compute(MethodSymbol method, int depth) {
    if (method.isConstructor()) {
      ClassSymbol owner = method.enclClass();
      if (Lifetimes.singletonKind(owner, state).isPresent()) {
        return Reach.START_UP;
      }
      return owner.isAnonymous() ? Reach.RUNTIME : orUncalled(calls(method, depth), method);
    }
    if (StartUpMethods.isStartUp(method, state)
        || isInjection(method)
        || overridesThreadInitializer(method)) {
      return Reach.START_UP;
    }
    if (LifecycleMethods.isShutdown(method, state)) {
      return Reach.START_UP; // once, at the end: not run time either
    }
    Reach reach = calls(method, depth);
    if (overridesOutsideTheModule(method)) {
      reach = combine(reach, Reach.RUNTIME); // a framework or library calls it
    } else if (isEntryPoint(method)) {
      reach = combine(reach, Reach.RUNTIME);
    }
    return orUncalled(reach, method);
  }

  /**
   * No call at all: a private method is never called; any other may be called from outside the
   * module's main sources (another module, tests in its package, a framework by reflection).
   */
  private static Reach orUncalled(Reach reach, MethodSymbol method) {
    if (reach != null) {
      return reach;
    }
    return (method.flags() & Flags.PRIVATE) != 0 ? Reach.UNCALLED : Reach.EXTERNAL;
  }

  /** The combined reach of every call of {@code method} in the module, or null when none. */
  private Reach calls(MethodSymbol method, int depth) {
    Reach reach = null;
    for (TreePath call : module.callsTo(method, state)) {
      if (++calls > MAX_CALLS) {
        cutCycle = true; // an answer cut short is not kept
        return combine(reach, Reach.UNKNOWN);
      }
      reach = combine(reach, site(call, depth));
      if (reach == Reach.RUNTIME) {
        return reach;
      }
    }
    return reach;
  }

  /** Run time wins; then not known; start-up over never. */
  private static Reach combine(Reach a, Reach b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    for (Reach winner :
        new Reach[] {Reach.RUNTIME, Reach.UNKNOWN, Reach.EXTERNAL, Reach.START_UP}) {
      if (a == winner || b == winner) {
        return winner;
      }
    }
    return Reach.UNCALLED;
  }

  private boolean overridesOutsideTheModule(MethodSymbol method) {
    if (method.isStatic()) {
      return false;
    }
    for (MethodSymbol overridden : ASTHelpers.findSuperMethods(method, state.getTypes())) {
      if (!module.isInSource(overridden)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the call at {@code path} is {@code ThreadLocal.withInitial(...)}. */
  private boolean isThreadInitializer(TreePath path) {
    return path.getLeaf() instanceof MethodInvocationTree call && WITH_INITIAL.matches(call, state);
  }

  /** Whether {@code method} is a {@code ThreadLocal}'s {@code initialValue()}. */
  private boolean overridesThreadInitializer(MethodSymbol method) {
    if (!method.getSimpleName().contentEquals("initialValue") || method.isStatic()) {
      return false;
    }
    for (MethodSymbol overridden : ASTHelpers.findSuperMethods(method, state.getTypes())) {
      if (overridden.owner.getQualifiedName().contentEquals("java.lang.ThreadLocal")) {
        return true;
      }
    }
    return false;
  }

  private boolean isEntryPoint(MethodSymbol method) {
    return HotPaths.isEntryPoint(method, state, OomGuardFlags.defaults());
  }

  private boolean isInjection(MethodSymbol method) {
    for (String annotation : INJECTION) {
      if (ASTHelpers.hasAnnotation(method, annotation, state)) {
        return true;
      }
    }
    return false;
  }

  /** Methods of {@code java.util} types that call the function they are given before returning. */
  private static final ImmutableSet<String> CALLS_FUNCTION_AT_ONCE =
      ImmutableSet.of(
          "forEach",
          "forEachRemaining",
          "computeIfAbsent",
          "computeIfPresent",
          "compute",
          "merge",
          "removeIf",
          "replaceAll",
          "sort",
          "ifPresent",
          "ifPresentOrElse",
          "orElseGet",
          "orElseThrow",
          "map",
          "flatMap",
          "filter",
          "or",
          "getOrDefault");

  /**
   * Whether a lambda or method reference, passed as an argument of the call at {@code
   * parentOfFunction}, runs during that call: stream operations and the iteration and computation
   * methods of {@code java.util} do; a function stored ({@code list.add(() -> ...)}) or handed to
   * anything else runs later.
   */
  static boolean runsNow(TreePath parentOfFunction) {
    Tree parent = parentOfFunction.getLeaf();
    if (!(parent instanceof MethodInvocationTree call)) {
      return false;
    }
    MethodSymbol method = ASTHelpers.getSymbol(call);
    if (method == null || !(method.owner instanceof ClassSymbol owner)) {
      return false;
    }
    String packageName = owner.packge().getQualifiedName().toString();
    return packageName.equals("java.util.stream")
        || ((packageName.equals("java.util")
                || owner.getQualifiedName().contentEquals("java.lang.Iterable"))
            && CALLS_FUNCTION_AT_ONCE.contains(method.getSimpleName().toString()));
  }
}
