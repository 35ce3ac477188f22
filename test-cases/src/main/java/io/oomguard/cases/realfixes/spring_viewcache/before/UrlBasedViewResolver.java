package io.oomguard.cases.realfixes.spring_viewcache.before;

import java.util.Locale;

/**
 * Resolves "redirect:" and "forward:" names itself and every other name to a JSP under a prefix;
 * the base class caches whatever it returns.
 */
public class UrlBasedViewResolver extends AbstractCachingViewResolver {
  public static final String REDIRECT_URL_PREFIX = "redirect:";
  public static final String FORWARD_URL_PREFIX = "forward:";

  private String prefix = "";
  private String suffix = "";
  private boolean redirectContextRelative = true;

  public void setPrefix(String prefix) {
    this.prefix = prefix;
  }

  public void setSuffix(String suffix) {
    this.suffix = suffix;
  }

  @Override
  protected View createView(String viewName, Locale locale) throws Exception {
    if (viewName.startsWith(REDIRECT_URL_PREFIX)) {
      String redirectUrl = viewName.substring(REDIRECT_URL_PREFIX.length());
      return new RedirectView(redirectUrl, redirectContextRelative);
    }
    if (viewName.startsWith(FORWARD_URL_PREFIX)) {
      return new InternalResourceView(viewName.substring(FORWARD_URL_PREFIX.length()));
    }
    return super.createView(viewName, locale);
  }

  @Override
  protected View loadView(String viewName, Locale locale) {
    return new InternalResourceView(prefix + viewName + suffix);
  }
}
