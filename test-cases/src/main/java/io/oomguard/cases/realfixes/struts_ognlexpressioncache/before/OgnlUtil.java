/*
 * Modeled on Apache Struts, PR https://github.com/apache/struts/pull/528 ("Potential expression
 * cache enhancement": cache limits for the OGNL expression cache; first version in commit
 * 4d8108e7668f789dd4c509ac4981a688e104e709, merged as c98b60cd9 with the OgnlCache/
 * OgnlDefaultCache classes). Earlier mitigation: WW-4146 "Caches only valid Ognl expressions to
 * avoid cache attack" (https://issues.apache.org/jira/browse/WW-4146).
 *
 * OgnlUtil, a container singleton, cached the parsed tree of every expression it was asked to
 * evaluate in a ConcurrentHashMap keyed by the expression text, with no limit. Request parameter
 * names are evaluated as expressions (ParametersInterceptor), as are expressions built at run
 * time, so distinct names kept adding entries for the life of the application; the only remedy
 * was calling clearExpressionCache() by hand. (OGNL is not on the corpus classpath: the model
 * parses with Spring's SpEL, which plays the same part.)
 */
package io.oomguard.cases.realfixes.struts_ognlexpressioncache.before;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;

/** Evaluates expressions against the value stack; one instance per Struts container. */
public class OgnlUtil {

  private final ExpressionParser parser = new SpelExpressionParser();

  // BUG: Diagnostic contains: UnboundedCache
  private final ConcurrentMap<String, Expression> expressions = new ConcurrentHashMap<>();

  private boolean enableExpressionCache = true;

  /** Container configuration (struts.ognl.enableExpressionCache). */
  protected void setEnableExpressionCache(String cache) {
    enableExpressionCache = Boolean.parseBoolean(cache);
  }

  /** For applications that generate many unique expressions: clear the cache by hand. */
  public void clearExpressionCache() {
    expressions.clear();
  }

  public int expressionCacheSize() {
    return expressions.size();
  }

  public void setValue(String name, Map<String, Object> context, Object root, Object value) {
    compileAndExecute(
        name,
        tree -> {
          StandardEvaluationContext evaluationContext = new StandardEvaluationContext(root);
          evaluationContext.setVariables(context);
          tree.setValue(evaluationContext, value);
          return null;
        });
  }

  public Object getValue(String name, Map<String, Object> context, Object root) {
    return compileAndExecute(
        name,
        tree -> {
          StandardEvaluationContext evaluationContext = new StandardEvaluationContext(root);
          evaluationContext.setVariables(context);
          return tree.getValue(evaluationContext);
        });
  }

  private <T> T compileAndExecute(String expression, OgnlTask<T> task) {
    Expression tree;
    if (enableExpressionCache) {
      tree = expressions.get(expression);
      if (tree == null) {
        tree = parser.parseExpression(expression);
        expressions.putIfAbsent(expression, tree);
      }
    } else {
      tree = parser.parseExpression(expression);
    }
    return task.execute(tree);
  }

  /** Work to run on a parsed expression. */
  interface OgnlTask<T> {
    T execute(Expression tree);
  }
}
