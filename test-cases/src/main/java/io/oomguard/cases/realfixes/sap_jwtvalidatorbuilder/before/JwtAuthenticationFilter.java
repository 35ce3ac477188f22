package io.oomguard.cases.realfixes.sap_jwtvalidatorbuilder.before;

import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The reporter's application filter (as the issue describes it): it loads the identity-service
 * configuration and asks the library for a validator on every request.
 */
public class JwtAuthenticationFilter implements Filter {

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest httpRequest = (HttpServletRequest) request;
    String authorization = httpRequest.getHeader("Authorization");
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      ((HttpServletResponse) response).sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    Token token = decode(authorization.substring("Bearer ".length()));
    Validator<Token> validator = JwtValidatorBuilder.getInstance(getXsuaaConfiguration()).build();
    if (!validator.validate(token)) {
      ((HttpServletResponse) response).sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    chain.doFilter(request, response);
  }

  /** Loads the XSUAA binding from the environment: a new configuration object each call. */
  private OAuth2ServiceConfiguration getXsuaaConfiguration() {
    return OAuth2ServiceConfigurationBuilder.forService(Service.XSUAA)
        .withClientId(System.getenv("XSUAA_CLIENT_ID"))
        .withClientSecret(System.getenv("XSUAA_CLIENT_SECRET"))
        .withUrl(System.getenv("XSUAA_URL"))
        .build();
  }

  private static Token decode(String jwt) {
    String[] parts = jwt.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts.length > 1 ? parts[1] : ""));
    String issuer = field(payload, "iss");
    Set<String> audiences = new HashSet<>(Arrays.asList(field(payload, "aud").split(",")));
    return new Token() {
      @Override
      public String getIssuer() {
        return issuer;
      }

      @Override
      public Set<String> getAudiences() {
        return audiences;
      }
    };
  }

  private static String field(String json, String name) {
    int start = json.indexOf("\"" + name + "\":\"");
    if (start < 0) {
      return "";
    }
    start += name.length() + 4;
    return json.substring(start, json.indexOf('"', start));
  }
}
