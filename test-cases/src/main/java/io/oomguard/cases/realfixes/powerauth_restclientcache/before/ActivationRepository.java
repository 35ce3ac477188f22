package io.oomguard.cases.realfixes.powerauth_restclientcache.before;

/** Data access for activations. */
public interface ActivationRepository {
  ActivationRecordEntity findActivationWithLock(String activationId);

  ActivationRecordEntity save(ActivationRecordEntity activation);
}
