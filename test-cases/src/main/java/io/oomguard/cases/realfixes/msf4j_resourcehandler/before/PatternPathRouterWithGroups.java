package io.oomguard.cases.realfixes.msf4j_resourcehandler.before;

import com.google.common.collect.Lists;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Matches request paths to destinations; "{name}" segments are wild-card groups. */
public final class PatternPathRouterWithGroups<T> {
  private static final Pattern GROUP_PATTERN = Pattern.compile("\\{(.*?)\\}");

  /** A compiled route and its destination. */
  record Route<T>(Pattern pattern, List<String> groupNames, T destination) {}

  private final List<Route<T>> patternRouteList;

  public PatternPathRouterWithGroups() {
    // BUG: Diagnostic contains: PerRequestCollectionRebuild
    this.patternRouteList = Lists.newArrayList();
  }

  public static <T> PatternPathRouterWithGroups<T> create() {
    return new PatternPathRouterWithGroups<>();
  }

  public void add(final String source, final T destination) {
    String path = source.replaceAll("/+", "/");
    path = (path.endsWith("/") && path.length() > 1) ? path.substring(0, path.length() - 1) : path;
    StringBuilder sb = new StringBuilder();
    List<String> groupNames = Lists.newArrayList();
    for (String part : path.split("/")) {
      Matcher groupMatcher = GROUP_PATTERN.matcher(part);
      if (groupMatcher.matches()) {
        groupNames.add(groupMatcher.group(1));
        sb.append("([^/]+?)");
      } else {
        sb.append(part);
      }
      sb.append("/");
    }
    sb.setLength(sb.length() - 1);
    patternRouteList.add(new Route<>(Pattern.compile(sb.toString()), groupNames, destination));
  }

  public T getDestination(String path) {
    for (Route<T> route : patternRouteList) {
      if (route.pattern().matcher(path).matches()) {
        return route.destination();
      }
    }
    return null;
  }
}
