package io.oomguard.cases.realfixes.jersey_descriptorcache.before;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.UriInfo;

/** An application resource with a sub-resource locator. */
@Path("orders")
public class OrdersResource {

  @Path("{id}")
  public OrderResource order(@PathParam("id") String id) {
    return new OrderResource(id);
  }

  /** The sub-resource: its GET method takes a @Context UriInfo. */
  public static class OrderResource {
    private final String id;

    public OrderResource(String id) {
      this.id = id;
    }

    @GET
    public String get(@Context UriInfo uriInfo) {
      return "order " + id + (uriInfo == null ? "" : " at " + uriInfo.getPath());
    }
  }
}
