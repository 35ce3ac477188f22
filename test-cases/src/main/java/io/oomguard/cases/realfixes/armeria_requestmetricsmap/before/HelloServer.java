package io.oomguard.cases.realfixes.armeria_requestmetricsmap.before;

/** An application: one service decorated with metrics, built once when the server starts. */
public final class HelloServer {
  private final Service service =
      DropwizardMetricCollectingService.newDecorator("hello")
          .apply((ctx, request) -> "Hello, " + request + "!");

  /** Called by the server for every request to /hello/{name}. */
  public String handle(RequestContext ctx, String name) throws Exception {
    return service.serve(ctx, name);
  }
}
