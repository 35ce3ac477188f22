package io.oomguard.cases.realfixes.powerauth_restclientcache.before;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An application; its equality includes its roles and its version entities. */
public class ApplicationEntity {
  private Long rid;
  private String id;
  private final List<String> roles = new ArrayList<>();
  private final List<ApplicationVersionEntity> versions = new ArrayList<>();

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

  public List<String> getRoles() {
    return roles;
  }

  public List<ApplicationVersionEntity> getVersions() {
    return versions;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    ApplicationEntity that = (ApplicationEntity) o;
    return Objects.equals(id, that.id)
        && Objects.equals(roles, that.roles)
        && Objects.equals(versions, that.versions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, roles, versions);
  }
}
