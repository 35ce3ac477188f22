package io.oomguard.cases.realfixes.jodatime_patterncache.before;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;

/** Prints an event's time in the format the client asks for. */
@Path("/events")
public class EventResource {
  @GET
  @Path("/{id}/time")
  public String time(
      @PathParam("id") long id, @QueryParam("format") @DefaultValue("yyyy-MM-dd") String format) {
    long timestamp = id * 1000L;
    return DateTimeFormat.forPattern(format).print(timestamp);
  }
}
