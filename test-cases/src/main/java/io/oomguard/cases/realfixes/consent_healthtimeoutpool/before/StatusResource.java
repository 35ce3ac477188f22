package io.oomguard.cases.realfixes.consent_healthtimeoutpool.before;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GET /status runs every registered health check; probes call it every few seconds. */
@Path("status")
public class StatusResource {

  private final List<ServiceHealthCheck> healthChecks;

  public StatusResource(List<ServiceHealthCheck> healthChecks) {
    this.healthChecks = healthChecks;
  }

  @GET
  @Produces("application/json")
  public Response getStatus() {
    Map<String, Boolean> results = new LinkedHashMap<>();
    for (ServiceHealthCheck check : healthChecks) {
      results.put(check.name(), check.check());
    }
    return Response.ok(results).build();
  }
}
