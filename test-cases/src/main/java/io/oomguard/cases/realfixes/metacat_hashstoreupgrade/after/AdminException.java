package io.oomguard.cases.realfixes.metacat_hashstoreupgrade.after;

public class AdminException extends Exception {
  public AdminException(String message) {
    super(message);
  }
}
