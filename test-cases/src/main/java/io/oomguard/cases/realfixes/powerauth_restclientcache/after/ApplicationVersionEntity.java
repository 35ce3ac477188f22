package io.oomguard.cases.realfixes.powerauth_restclientcache.after;

/** A version of an application (a JPA entity without equals/hashCode: identity equality). */
public class ApplicationVersionEntity {
  private Long rid;
  private String id;
  private String applicationKey;
  private boolean supported;

  public Long getRid() {
    return rid;
  }

  public void setRid(Long rid) {
    this.rid = rid;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getApplicationKey() {
    return applicationKey;
  }

  public void setApplicationKey(String applicationKey) {
    this.applicationKey = applicationKey;
  }

  public boolean isSupported() {
    return supported;
  }

  public void setSupported(boolean supported) {
    this.supported = supported;
  }
}
