package io.oomguard.cases.realfixes.powerauth_restclientcache.before;

import java.util.List;

/**
 * Data access for callback URLs (a Spring Data repository in the real code). Every call returns
 * entities loaded afresh from the database.
 */
public interface CallbackUrlRepository {
  List<CallbackUrlEntity> findByApplicationIdAndTypeOrderByName(
      String applicationId, CallbackUrlType type);

  CallbackUrlEntity findById(String id);

  CallbackUrlEntity save(CallbackUrlEntity entity);

  void delete(CallbackUrlEntity entity);
}
