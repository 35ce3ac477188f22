/*
 * Modeled on Spring HATEOAS, issue https://github.com/spring-projects/spring-hateoas/issues/1701
 * ("Potential memory leak in WebMvcLinkBuilder"), fixed by
 * https://github.com/spring-projects/spring-hateoas/commit/4182698eb91e6e8e2bbf1a48047f2c4d895fac99
 * ("Fix potential resource leak in DummyInvocationUtils").
 *
 * methodOn(Controller.class, parameters) records a method call on a proxy to build a link. The
 * proxies were cached in a HashMap held by a static ThreadLocal, keyed by the controller class and
 * the parameters. Callers pass request values (ids) as parameters, so on every pooled request
 * thread the map gained one proxy per distinct id, and nothing removed them.
 *
 * The fix: the per-thread cache is a ConcurrentLruCache limited to 256 proxies, which creates the
 * proxy for a missing key itself.
 */
package io.oomguard.cases.realfixes.springhateoas_methodoncache.after;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Objects;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.util.ConcurrentLruCache;
import org.springframework.util.ReflectionUtils;

/** Records method invocations on controller proxies, to derive links from them. */
public class DummyInvocationUtils {

  private static final ThreadLocal<ConcurrentLruCache<CacheKey, Object>> CACHE =
      ThreadLocal.withInitial(
          () ->
              new ConcurrentLruCache<CacheKey, Object>(
                  256,
                  it -> {
                    InvocationRecordingMethodInterceptor interceptor =
                        new InvocationRecordingMethodInterceptor(it.type, it.arguments);
                    return getProxyWithInterceptor(it.type, interceptor, it.type.getClassLoader());
                  }));

  /** Records the last invocation on the proxy and the type-level parameters. */
  static class InvocationRecordingMethodInterceptor
      implements MethodInterceptor, LastInvocationAware {

    private final Class<?> targetType;
    private final Object[] objectParameters;
    private Method lastMethod;
    private Object[] lastArguments;

    InvocationRecordingMethodInterceptor(Class<?> targetType, Object... parameters) {
      this.targetType = targetType;
      this.objectParameters = parameters.clone();
    }

    @Override
    public Object invoke(MethodInvocation invocation) {
      Method method = invocation.getMethod();
      if (ReflectionUtils.isObjectMethod(method)) {
        return ReflectionUtils.invokeMethod(
            method, invocation.getThis(), invocation.getArguments());
      }
      this.lastMethod = method;
      this.lastArguments = invocation.getArguments();
      return null;
    }

    @Override
    public Class<?> getTargetType() {
      return targetType;
    }

    @Override
    public Method getLastMethod() {
      return lastMethod;
    }

    @Override
    public Object[] getLastArguments() {
      return lastArguments;
    }

    @Override
    public Object[] getObjectParameters() {
      return objectParameters;
    }
  }

  /** Returns a proxy of the controller that records the next call made on it. */
  @SuppressWarnings("unchecked")
  public static <T> T methodOn(Class<T> type, Object... parameters) {
    return (T) CACHE.get().get(CacheKey.of(type, parameters));
  }

  public static LastInvocationAware getLastInvocationAware(Object proxy) {
    return (LastInvocationAware) ((Advised) proxy).getAdvisors()[0].getAdvice();
  }

  private static Object getProxyWithInterceptor(
      Class<?> type, InvocationRecordingMethodInterceptor interceptor, ClassLoader classLoader) {
    ProxyFactory factory = new ProxyFactory();
    factory.addAdvice(interceptor);
    factory.addInterface(LastInvocationAware.class);
    factory.setTargetClass(type);
    factory.setProxyTargetClass(true);
    return factory.getProxy(classLoader);
  }

  private static final class CacheKey {
    private final Class<?> type;
    private final Object[] arguments;

    private CacheKey(Class<?> type, Object[] arguments) {
      this.type = type;
      this.arguments = arguments;
    }

    static CacheKey of(Class<?> type, Object[] arguments) {
      return new CacheKey(type, arguments);
    }

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      if (!(o instanceof CacheKey)) {
        return false;
      }
      CacheKey cacheKey = (CacheKey) o;
      return Objects.equals(this.type, cacheKey.type)
          && Arrays.equals(this.arguments, cacheKey.arguments);
    }

    @Override
    public int hashCode() {
      return 31 * Objects.hash(this.type) + Arrays.hashCode(this.arguments);
    }
  }
}
