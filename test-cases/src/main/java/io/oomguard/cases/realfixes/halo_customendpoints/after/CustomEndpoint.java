package io.oomguard.cases.realfixes.halo_customendpoints.after;

import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** An API a plugin contributes, mounted under {@code /apis/<group>/<version>}. */
public interface CustomEndpoint {
  RouterFunction<ServerResponse> endpoint();

  default GroupVersion groupVersion() {
    return new GroupVersion("api.console.halo.run", "v1alpha1");
  }

  /** API group and version. */
  record GroupVersion(String group, String version) {
    @Override
    public String toString() {
      return group + "/" + version;
    }
  }
}
