package io.oomguard.cases.realfixes.powerauth_restclientcache.after;

import java.util.Objects;

/** A callback URL registered for an application (a JPA entity in the real code). */
public class CallbackUrlEntity {
  /** HTTP basic credentials for the callback. */
  public record HttpBasic(String username, String password) {}

  private String id;
  private ApplicationEntity application;
  private String name;
  private CallbackUrlType type;
  private String callbackUrl;
  private HttpBasic httpBasic;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public ApplicationEntity getApplication() {
    return application;
  }

  public void setApplication(ApplicationEntity application) {
    this.application = application;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public CallbackUrlType getType() {
    return type;
  }

  public void setType(CallbackUrlType type) {
    this.type = type;
  }

  public String getCallbackUrl() {
    return callbackUrl;
  }

  public void setCallbackUrl(String callbackUrl) {
    this.callbackUrl = callbackUrl;
  }

  public HttpBasic getHttpBasic() {
    return httpBasic;
  }

  public void setHttpBasic(HttpBasic httpBasic) {
    this.httpBasic = httpBasic;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CallbackUrlEntity that)) {
      return false;
    }
    return application.equals(that.application)
        && name.equals(that.getName())
        && type == that.type
        && callbackUrl.equals(that.callbackUrl);
  }

  @Override
  public int hashCode() {
    return Objects.hash(application, name, type, callbackUrl);
  }
}
