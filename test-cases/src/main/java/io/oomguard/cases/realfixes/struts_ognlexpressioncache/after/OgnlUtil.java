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
 *
 * The fix: the expression cache is an OgnlCache built by a factory; the default implementation
 * flushes itself when it exceeds its eviction limit (25000 by default, configurable), and an LRU
 * variant can be chosen.
 */
package io.oomguard.cases.realfixes.struts_ognlexpressioncache.after;

import java.util.Map;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;

/** Evaluates expressions against the value stack; one instance per Struts container. */
public class OgnlUtil {

  private final ExpressionParser parser = new SpelExpressionParser();

  private final OgnlCache<String, Expression> expressionCache;

  private boolean enableExpressionCache = true;

  public OgnlUtil(OgnlCacheFactory<String, Expression> expressionCacheFactory) {
    OgnlCacheFactory<String, Expression> factory =
        expressionCacheFactory != null ? expressionCacheFactory : new DefaultOgnlCacheFactory<>();
    this.expressionCache = factory.buildOgnlCache();
  }

  /** Container configuration (struts.ognl.enableExpressionCache). */
  protected void setEnableExpressionCache(String cache) {
    enableExpressionCache = Boolean.parseBoolean(cache);
  }

  /** Container configuration (struts.ognl.expressionCacheMaxSize). */
  protected void setExpressionCacheMaxSize(String maxSize) {
    expressionCache.setEvictionLimit(Integer.parseInt(maxSize));
  }

  /** For applications that generate many unique expressions: clear the cache by hand. */
  public void clearExpressionCache() {
    expressionCache.clear();
  }

  public int expressionCacheSize() {
    return expressionCache.size();
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
      tree = expressionCache.get(expression);
      if (tree == null) {
        tree = parser.parseExpression(expression);
        expressionCache.putIfAbsent(expression, tree);
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
