package io.oomguard.cases.realfixes.metacat_hashstoreupgrade.before;

public class AdminException extends Exception {
  public AdminException(String message) {
    super(message);
  }
}
