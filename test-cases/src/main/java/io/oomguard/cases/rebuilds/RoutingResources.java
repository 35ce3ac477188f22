package io.oomguard.cases.rebuilds;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toSet;

import com.google.common.collect.Sets;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** JAX-RS resources, a servlet and a batch job that rebuild long-lived data. */
public class RoutingResources {
  public record Route(String host, String path) {}

  public record Order(String customer, long cents) {}

  /** A singleton resource: its fields hold the same routes for every request. */
  @jakarta.inject.Singleton
  @jakarta.ws.rs.Path("/regions")
  public static class RegionResource {
    private static final List<String> ADMIN_REGIONS = List.of("eu-admin", "us-admin");

    private final List<Route> routes;
    private final String[] regionCodes;
    private final Set<String> codes;

    public RegionResource(List<Route> routes, String[] regionCodes, Set<String> codes) {
      this.routes = routes;
      this.regionCodes = regionCodes;
      this.codes = codes;
    }

    @jakarta.ws.rs.GET
    public List<String> hosts() {
      // BUG: Diagnostic contains: in JAX-RS resource method `RegionResource.hosts` (GET /regions)
      return routes.stream().map(Route::host).toList();
    }

    @jakarta.ws.rs.GET
    @jakarta.ws.rs.Path("/codes")
    public boolean known(@jakarta.ws.rs.QueryParam("code") String code) {
      // BUG: Diagnostic contains: collected from `regionCodes`
      Set<String> known = Arrays.stream(regionCodes).collect(toSet());
      return known.contains(code);
    }

    @jakarta.ws.rs.GET
    @jakarta.ws.rs.Path("/valid")
    public boolean valid(@jakarta.ws.rs.QueryParam("code") String code) {
      return lookupTable().contains(code);
    }

    private Set<String> lookupTable() {
      // BUG: Diagnostic contains: reached from JAX-RS resource method `RegionResource.valid`
      return Sets.newHashSet(codes);
    }

    // Quiet: a small constant list.
    @jakarta.ws.rs.GET
    @jakarta.ws.rs.Path("/admin")
    public boolean admin(@jakarta.ws.rs.QueryParam("code") String code) {
      return new HashSet<>(ADMIN_REGIONS).contains(code);
    }

    // Quiet: an unmodifiable view, not a copy.
    @jakarta.ws.rs.GET
    @jakarta.ws.rs.Path("/all")
    public List<Route> all() {
      return Collections.unmodifiableList(routes);
    }

    // Quiet: a snapshot that is only iterated.
    @jakarta.ws.rs.POST
    @jakarta.ws.rs.Path("/ping")
    public int ping() {
      int count = 0;
      for (Route route : new ArrayList<>(routes)) {
        count += route.path().length();
      }
      return count;
    }

    // Quiet: built from the request body.
    @jakarta.ws.rs.POST
    @jakarta.ws.rs.Path("/group")
    public Map<String, List<Route>> group(List<Route> submitted) {
      return submitted.stream().collect(groupingBy(Route::host));
    }
  }

  /**
   * A resource made per request, as JAX-RS makes them by default: what its constructor is given
   * belongs to the request (a session, the caller's context), so copying it is no rebuild.
   */
  @jakarta.ws.rs.Path("/session")
  public static class SessionResource {
    private final List<Route> visible;

    public SessionResource(List<Route> visible) {
      this.visible = visible;
    }

    // Quiet: the field is this request's.
    @jakarta.ws.rs.GET
    public List<String> hosts() {
      return visible.stream().map(Route::host).toList();
    }
  }

  public static class RouterServlet extends jakarta.servlet.http.HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient List<Route> routes;

    public RouterServlet(List<Route> routes) {
      this.routes = routes;
    }

    @Override
    protected void doGet(
        jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse resp)
        throws IOException {
      // BUG: Diagnostic contains: in servlet method `RouterServlet.doGet`
      Map<String, List<Route>> byHost = routes.stream().collect(groupingBy(Route::host));
      resp.getWriter().print(byHost.get(req.getServerName()));
    }
  }

  public static class VipBilling {
    private final Set<String> vipCustomers;

    public VipBilling(Set<String> vipCustomers) {
      this.vipCustomers = vipCustomers;
    }

    public long bill(List<Order> orders) {
      long total = 0;
      for (Order order : orders) {
        // BUG: Diagnostic contains: copied from `vipCustomers` inside a loop in `VipBilling.bill`
        Set<String> vip = new HashSet<>(vipCustomers);
        total += vip.contains(order.customer()) ? order.cents() / 2 : order.cents();
      }
      return total;
    }

    // Quiet: the copy is hoisted out of the loop and the method is not hot.
    public long billHoisted(List<Order> orders) {
      Set<String> vip = new HashSet<>(vipCustomers);
      long total = 0;
      for (Order order : orders) {
        total += vip.contains(order.customer()) ? order.cents() / 2 : order.cents();
      }
      return total;
    }

    // Quiet: main is start-up code.
    public static void main(String[] args) {
      Set<String> seed = new HashSet<>(Arrays.asList(args));
      for (int i = 0; i < 3; i++) {
        Set<String> copy = new HashSet<>(seed);
        copy.clear();
      }
    }
  }
}
