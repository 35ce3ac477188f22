import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.AnnotationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.NewClassTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.VariableTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.VariableTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The way {@code dispatch-floor} of bench/run.sh: one no-op stand-in for each oomguard check, with
 * the check's name and the same matcher interfaces, each answering "no match" at once. Put on the
 * processor path in place of oomguard, they cost what Error Prone calling that set of checks costs,
 * and nothing of the checks' own work: the floor of any checks that look at the same trees.
 *
 * <p>Run as a program ({@code java -cp <these classes, Error Prone, the checker jar> DispatchFloor
 * CHECK-CLASS...}), it compares the stand-ins with the checks named and prints the service-loader
 * lines that register the stand-ins; it fails when a check has no stand-in, or a different set of
 * matchers, so that the floor follows the checks. Compiled by bench/run.sh; not part of the
 * checker.
 */
public final class DispatchFloor {
  private DispatchFloor() {}

  public static void main(String[] checks) throws ClassNotFoundException {
    List<String> problems = new ArrayList<>();
    Set<String> standIns = new TreeSet<>();
    for (Class<?> standIn : DispatchFloor.class.getDeclaredClasses()) {
      if (standIn != StandIn.class) {
        standIns.add(standIn.getSimpleName());
      }
    }
    List<String> services = new ArrayList<>();
    for (String name : checks) {
      Class<?> check = Class.forName(name, false, DispatchFloor.class.getClassLoader());
      String simpleName = check.getSimpleName();
      if (!standIns.remove(simpleName)) {
        problems.add(simpleName + " has no stand-in; its matchers: " + matchers(check));
        continue;
      }
      Class<?> standIn = Class.forName(DispatchFloor.class.getName() + "$" + simpleName);
      if (!matchers(check).equals(matchers(standIn))) {
        problems.add(
            simpleName + " matches " + matchers(check) + ", its stand-in " + matchers(standIn));
      }
      services.add(standIn.getName());
    }
    for (String orphan : standIns) {
      problems.add(orphan + " stands in for no check");
    }
    if (!problems.isEmpty()) {
      problems.forEach(p -> System.err.println("bench/DispatchFloor.java: " + p));
      System.exit(1);
    }
    services.forEach(System.out::println);
  }

  /** The Error Prone matcher interfaces a check implements, by simple name. */
  private static Set<String> matchers(Class<?> check) {
    Set<String> matchers = new TreeSet<>();
    for (Class<?> type = check; type != null; type = type.getSuperclass()) {
      for (Class<?> implemented : type.getInterfaces()) {
        if (implemented.getEnclosingClass() == BugChecker.class) {
          matchers.add(implemented.getSimpleName());
        }
      }
    }
    return matchers;
  }

  /**
   * "No match" for every tree kind an oomguard check looks at. A stand-in declares only the matcher
   * interfaces of its check, which these methods implement, so Error Prone calls it for exactly
   * the trees it calls the check for.
   */
  public abstract static class StandIn extends BugChecker {
    public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
      return Description.NO_MATCH;
    }

    public Description matchNewClass(NewClassTree tree, VisitorState state) {
      return Description.NO_MATCH;
    }

    public Description matchVariable(VariableTree tree, VisitorState state) {
      return Description.NO_MATCH;
    }

    public Description matchAnnotation(AnnotationTree tree, VisitorState state) {
      return Description.NO_MATCH;
    }
  }

  @BugPattern(summary = "no-op stand-in", severity = WARNING)
  public static final class NonRepeatingCacheKey extends StandIn
      implements MethodInvocationTreeMatcher, AnnotationTreeMatcher {}

  @BugPattern(summary = "no-op stand-in", severity = WARNING)
  public static final class OomSafeWithoutReason extends StandIn implements AnnotationTreeMatcher {}

  @BugPattern(summary = "no-op stand-in", severity = WARNING)
  public static final class PerRequestCollectionRebuild extends StandIn
      implements NewClassTreeMatcher, MethodInvocationTreeMatcher {}

  @BugPattern(summary = "no-op stand-in", severity = WARNING)
  public static final class ThreadCreationInHotPath extends StandIn
      implements MethodInvocationTreeMatcher, NewClassTreeMatcher {}

  @BugPattern(summary = "no-op stand-in", severity = WARNING)
  public static final class UnboundedCache extends StandIn
      implements VariableTreeMatcher, MethodInvocationTreeMatcher, NewClassTreeMatcher {}

  @BugPattern(summary = "no-op stand-in", severity = WARNING)
  public static final class UnboundedExecutor extends StandIn
      implements MethodInvocationTreeMatcher, NewClassTreeMatcher {}

  @BugPattern(summary = "no-op stand-in", severity = WARNING)
  public static final class UnboundedHttpBodyRead extends StandIn
      implements MethodInvocationTreeMatcher, NewClassTreeMatcher {}

  @BugPattern(summary = "no-op stand-in", severity = WARNING)
  public static final class UnsizedBufferInHotPath extends StandIn implements NewClassTreeMatcher {}
}
