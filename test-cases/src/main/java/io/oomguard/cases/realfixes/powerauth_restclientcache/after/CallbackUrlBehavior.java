/*
 * Modeled on PowerAuth Server, issue https://github.com/wultra/powerauth-server/issues/1184
 * ("Memory leak in CallbackUrlBehavior for RestClient instances"), fixed by
 * https://github.com/wultra/powerauth-server/pull/1185 (commit
 * 33de1e0eebf42913ebc76cbbb2fbc2c681802c05).
 *
 * The callback service cached one HTTP client per callback URL in a HashMap keyed by the
 * CallbackUrlEntity itself. Callback entities are loaded afresh from the database for every
 * notification, and their equals/hashCode reach (through the application entity) a list of
 * version entities that have identity equality, so a freshly loaded entity never equals the cached
 * one: every activation or operation status change created and cached another client. Nothing
 * ever removed an entry. (The real code cached Wultra's RestClient, a WebClient wrapper; the model
 * caches the WebClient.)
 *
 * The fix: the cache is keyed by the callback's id (a String), is a ConcurrentHashMap, and the
 * entry is evicted when the callback URL is updated or removed.
 */
package io.oomguard.cases.realfixes.powerauth_restclientcache.after;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/** Manages callback URLs and notifies them of activation status changes. */
@Component
public class CallbackUrlBehavior {

  private final CallbackUrlRepository callbackUrlRepository;

  // Store REST clients in cache with their callback ID as a key
  private final Map<String, WebClient> restClientCache = new ConcurrentHashMap<>();
  private final Object restClientCacheLock = new Object();

  public CallbackUrlBehavior(CallbackUrlRepository callbackUrlRepository) {
    this.callbackUrlRepository = callbackUrlRepository;
  }

  public String createCallbackUrl(ApplicationEntity application, String name, String url) {
    CallbackUrlEntity entity = new CallbackUrlEntity();
    entity.setId(UUID.randomUUID().toString());
    entity.setApplication(application);
    entity.setName(name);
    entity.setType(CallbackUrlType.ACTIVATION_STATUS_CHANGE);
    entity.setCallbackUrl(url);
    callbackUrlRepository.save(entity);
    return entity.getId();
  }

  public void updateCallbackUrl(String id, String url) {
    CallbackUrlEntity entity = callbackUrlRepository.findById(id);
    evictRestClientFromCache(entity);
    entity.setCallbackUrl(url);
    callbackUrlRepository.save(entity);
  }

  public void removeCallbackUrl(String id) {
    CallbackUrlEntity entity = callbackUrlRepository.findById(id);
    if (entity != null) {
      evictRestClientFromCache(entity);
      callbackUrlRepository.delete(entity);
    }
  }

  /** Notifies every callback registered for the activation's application. */
  public void notifyCallbackListenersOnActivationChange(ActivationRecordEntity activation) {
    if (activation != null && activation.getApplication() != null) {
      List<CallbackUrlEntity> callbackUrlEntities =
          callbackUrlRepository.findByApplicationIdAndTypeOrderByName(
              activation.getApplication().getId(), CallbackUrlType.ACTIVATION_STATUS_CHANGE);
      for (CallbackUrlEntity callbackUrlEntity : callbackUrlEntities) {
        Map<String, Object> callbackData = new HashMap<>();
        callbackData.put("type", "ACTIVATION");
        callbackData.put("activationId", activation.getActivationId());
        callbackData.put("activationStatus", activation.getActivationStatus());
        notifyCallbackUrl(callbackUrlEntity, callbackData);
      }
    }
  }

  private void notifyCallbackUrl(
      CallbackUrlEntity callbackUrlEntity, Map<String, Object> callbackData) {
    WebClient restClient = getRestClient(callbackUrlEntity);
    restClient
        .post()
        .uri(callbackUrlEntity.getCallbackUrl())
        .bodyValue(callbackData)
        .retrieve()
        .toBodilessEntity()
        .subscribe();
  }

  private WebClient getRestClient(CallbackUrlEntity callbackUrlEntity) {
    String cacheKey = getRestClientCacheKey(callbackUrlEntity);
    WebClient restClient = restClientCache.get(cacheKey);
    if (restClient == null) {
      restClient = createRestClientAndStoreInCache(callbackUrlEntity);
    }
    return restClient;
  }

  private String getRestClientCacheKey(CallbackUrlEntity callbackUrlEntity) {
    return callbackUrlEntity.getId();
  }

  private WebClient createRestClientAndStoreInCache(CallbackUrlEntity callbackUrlEntity) {
    String cacheKey = getRestClientCacheKey(callbackUrlEntity);
    WebClient restClient;
    synchronized (restClientCacheLock) {
      restClient = initializeRestClient(callbackUrlEntity);
      restClientCache.put(cacheKey, restClient);
    }
    return restClient;
  }

  private void evictRestClientFromCache(CallbackUrlEntity callbackUrlEntity) {
    synchronized (restClientCacheLock) {
      restClientCache.remove(getRestClientCacheKey(callbackUrlEntity));
    }
  }

  private WebClient initializeRestClient(CallbackUrlEntity callbackUrlEntity) {
    WebClient.Builder builder = WebClient.builder();
    CallbackUrlEntity.HttpBasic httpBasic = callbackUrlEntity.getHttpBasic();
    if (httpBasic != null) {
      builder.defaultHeaders(
          headers -> headers.setBasicAuth(httpBasic.username(), httpBasic.password()));
    }
    return builder.build();
  }
}
