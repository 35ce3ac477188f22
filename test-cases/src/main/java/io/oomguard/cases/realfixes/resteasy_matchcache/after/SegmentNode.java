package io.oomguard.cases.realfixes.resteasy_matchcache.after;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.core.MediaType;

/** A node of the resource tree; here reduced to a flat list of path expressions. */
public class SegmentNode {
  public static final String RESTEASY_CHOSEN_ACCEPT = "RESTEASY_CHOSEN_ACCEPT";

  private final String segment;
  private final List<Expression> expressions = new ArrayList<>();

  public SegmentNode(String segment) {
    this.segment = segment;
  }

  /** A match: which expression, how many path parameters it captured. */
  public static class Match {
    public final Expression expression;
    public final int numGroups;

    Match(Expression expression, int numGroups) {
      this.expression = expression;
      this.numGroups = numGroups;
    }
  }

  /** A path template compiled to a regex, with its resource method. */
  public static class Expression {
    final Pattern pattern;
    final int numGroups;
    final ResourceInvoker invoker;

    Expression(String path, ResourceInvoker invoker) {
      String regex = path.replaceAll("\\{[^/]+?\\}", "([^/]+)");
      this.pattern = Pattern.compile("/?" + regex);
      this.numGroups = pattern.matcher("").groupCount();
      this.invoker = invoker;
    }
  }

  void addExpression(String path, ResourceInvoker invoker) {
    expressions.add(new Expression(path, invoker));
  }

  public MatchCache match(HttpRequest request, int start) {
    String path = request.getMatchingPath().substring(start);
    for (Expression expression : expressions) {
      Matcher matcher = expression.pattern.matcher(path);
      if (matcher.matches()) {
        MatchCache result = new MatchCache();
        result.match = new Match(expression, expression.numGroups);
        result.invoker = expression.invoker;
        List<MediaType> accepts = request.getAcceptableMediaTypes();
        result.chosen = accepts.isEmpty() ? MediaType.WILDCARD_TYPE : accepts.get(0);
        request.setAttribute(RESTEASY_CHOSEN_ACCEPT, result.chosen);
        return result;
      }
    }
    throw new NotFoundException("No resource method found for " + segment + path);
  }
}
