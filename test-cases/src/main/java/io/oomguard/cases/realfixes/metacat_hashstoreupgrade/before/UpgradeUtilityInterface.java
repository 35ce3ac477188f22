package io.oomguard.cases.realfixes.metacat_hashstoreupgrade.before;

/** An upgrade step the administrator runs from the configuration pages. */
public interface UpgradeUtilityInterface {
  boolean upgrade() throws AdminException;
}
