package io.oomguard.cases.realfixes.keycloak_simplehttp.before;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/** An OpenID Connect identity provider of a realm (reduced to the user-info call). */
public class OIDCIdentityProvider {
  private final KeycloakSession session;
  private final String userInfoUrl;

  public OIDCIdentityProvider(KeycloakSession session, String userInfoUrl) {
    this.session = session;
    this.userInfoUrl = userInfoUrl;
  }

  /** The broker callback: the IdP redirects the user's browser here after login. */
  public class Endpoint {
    @GET
    public Response authResponse(@QueryParam("code") String authorizationCode) {
      try {
        String accessToken = exchangeCode(authorizationCode);
        JsonNode userInfo = fetchUserInfo(accessToken);
        return Response.ok(userInfo.path("preferred_username").asText()).build();
      } catch (IOException e) {
        return Response.status(Response.Status.BAD_GATEWAY).build();
      }
    }
  }

  String exchangeCode(String authorizationCode) {
    return "token-for-" + authorizationCode;
  }

  protected JsonNode fetchUserInfo(String accessToken) throws IOException {
    return SimpleHttp.doGet(userInfoUrl, session).auth(accessToken).asJson();
  }
}
