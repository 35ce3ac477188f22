package io.oomguard.checker.executors;

import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a Spring {@code ThreadPoolTaskExecutor} (or {@code ThreadPoolExecutorFactoryBean}) gets a
 * queue capacity. Both default to {@code queueCapacity = maxPoolSize = Integer.MAX_VALUE}, so a
 * pool nobody configures queues every task it cannot run at once, without limit.
 *
 * <p>The new pool is followed into the local variable or field it is stored in, and the whole
 * compilation unit is searched for setter calls on that variable.
 */
public final class SpringPoolConfiguration {
  private static final String TASK_EXECUTOR =
      "org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor";
  private static final String FACTORY_BEAN =
      "org.springframework.scheduling.concurrent.ThreadPoolExecutorFactoryBean";

  private static final Matcher<ExpressionTree> SET_QUEUE_CAPACITY =
      instanceMethod().onDescendantOfAny(TASK_EXECUTOR, FACTORY_BEAN).named("setQueueCapacity");

  private static final Matcher<ExpressionTree> SET_MAX_POOL_SIZE =
      instanceMethod().onDescendantOfAny(TASK_EXECUTOR, FACTORY_BEAN).named("setMaxPoolSize");

  private SpringPoolConfiguration() {}

  /** Whether {@code creation} constructs one of the Spring pools this class knows. */
  public static boolean isSpringPool(NewClassTree creation, VisitorState state) {
    Symbol type = ASTHelpers.getSymbol(creation.getIdentifier());
    return creation.getClassBody() == null && type != null && isSpringPoolClass(type);
  }

  private static boolean isSpringPoolClass(Symbol type) {
    return type.getQualifiedName().contentEquals(TASK_EXECUTOR)
        || type.getQualifiedName().contentEquals(FACTORY_BEAN);
  }

  /** Why a Spring pool has no bound. */
  public enum Unbounded {
    /** {@code queueCapacity} never set (or set to {@code Integer.MAX_VALUE}). */
    QUEUE_CAPACITY_UNSET,
    /** {@code queueCapacity} 0 with {@code maxPoolSize} left at {@code Integer.MAX_VALUE}. */
    UNLIMITED_HAND_OFF
  }

  /**
   * Why the Spring pool created at {@code path} (a {@link #isSpringPool} creation) is unbounded, or
   * empty when its queue capacity is set to a bound or its configuration happens out of sight.
   */
  public static Optional<Unbounded> unbounded(TreePath path, VisitorState state) {
    if (isBoundByConfigurationProperties(path)) {
      return Optional.empty();
    }
    Symbol holder = holder(path);
    Setters setters = new Setters();
    if (holder != null) {
      setters.collect(holder, path.getCompilationUnit(), state);
    } else if (path.getParentPath().getLeaf() instanceof MethodInvocationTree call) {
      setters.handedToOwnCode = isDeclaredIn(ASTHelpers.getSymbol(call), path.getCompilationUnit());
    }
    if (setters.handedToOwnCode) {
      return Optional.empty(); // a helper of this class may configure it
    }
    if (setters.queueCapacities.isEmpty()
        || setters.queueCapacities.stream().allMatch(WorkQueues::isMaxInt)) {
      return Optional.of(Unbounded.QUEUE_CAPACITY_UNSET);
    }
    boolean handOff =
        setters.queueCapacities.stream()
            .allMatch(capacity -> Integer.valueOf(0).equals(ASTHelpers.constValue(capacity)));
    if (handOff
        && (setters.maxPoolSizes.isEmpty()
            || setters.maxPoolSizes.stream().allMatch(WorkQueues::isMaxInt))) {
      return Optional.of(Unbounded.UNLIMITED_HAND_OFF);
    }
    return Optional.empty();
  }

  /** The local variable or field the new pool is stored in, if any. */
  private static Symbol holder(TreePath path) {
    Tree parent = path.getParentPath().getLeaf();
    if (parent instanceof VariableTree variable) {
      return ASTHelpers.getSymbol(variable);
    }
    if (parent instanceof AssignmentTree assignment
        && assignment.getExpression() == path.getLeaf()) {
      Symbol assigned = ASTHelpers.getSymbol(assignment.getVariable());
      return assigned instanceof VarSymbol ? assigned : null;
    }
    return null;
  }

  /** Spring Boot binds {@code queue-capacity} from properties onto such a bean. */
  private static boolean isBoundByConfigurationProperties(TreePath path) {
    MethodTree method = ASTHelpers.findEnclosingNode(path, MethodTree.class);
    return method != null
        && method.getModifiers().getAnnotations().stream()
            .map(annotation -> ASTHelpers.getSymbol(annotation.getAnnotationType()))
            .anyMatch(
                type ->
                    type != null && type.getSimpleName().contentEquals("ConfigurationProperties"));
  }

  /** The setter calls on one pool variable, and whether it is passed to this file's own code. */
  private static final class Setters {
    final List<ExpressionTree> queueCapacities = new ArrayList<>();
    final List<ExpressionTree> maxPoolSizes = new ArrayList<>();
    boolean handedToOwnCode;

    void collect(Symbol holder, CompilationUnitTree unit, VisitorState state) {
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
          if (AssignedValues.reads(ASTHelpers.getReceiver(call), holder)
              && call.getArguments().size() == 1) {
            if (SET_QUEUE_CAPACITY.matches(call, state)) {
              queueCapacities.add(call.getArguments().get(0));
            } else if (SET_MAX_POOL_SIZE.matches(call, state)) {
              maxPoolSizes.add(call.getArguments().get(0));
            }
          }
          if (isDeclaredIn(ASTHelpers.getSymbol(call), unit)
              && call.getArguments().stream().anyMatch(arg -> AssignedValues.reads(arg, holder))) {
            handedToOwnCode = true;
          }
          return super.visitMethodInvocation(call, null);
        }
      }.scan(unit, null);
    }
  }

  private static boolean isDeclaredIn(Symbol method, CompilationUnitTree unit) {
    if (method == null) {
      return false;
    }
    Symbol.ClassSymbol owner = ASTHelpers.outermostClass(method);
    return owner != null && owner.sourcefile == unit.getSourceFile();
  }
}
