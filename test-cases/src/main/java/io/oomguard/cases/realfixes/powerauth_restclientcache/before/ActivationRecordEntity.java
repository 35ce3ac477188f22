package io.oomguard.cases.realfixes.powerauth_restclientcache.before;

/** An activation of a device for a user. */
public class ActivationRecordEntity {
  private String activationId;
  private String activationStatus;
  private ApplicationEntity application;

  public String getActivationId() {
    return activationId;
  }

  public void setActivationId(String activationId) {
    this.activationId = activationId;
  }

  public String getActivationStatus() {
    return activationStatus;
  }

  public void setActivationStatus(String activationStatus) {
    this.activationStatus = activationStatus;
  }

  public ApplicationEntity getApplication() {
    return application;
  }

  public void setApplication(ApplicationEntity application) {
    this.application = application;
  }
}
