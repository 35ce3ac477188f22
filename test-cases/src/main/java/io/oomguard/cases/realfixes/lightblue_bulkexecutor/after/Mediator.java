/*
 * lightblue-platform/lightblue-core -- https://github.com/lightblue-platform/lightblue-core/pull/632
 * (commit 45a30d210f3d36efc0d96addc7f7a0adae844fe0, "Shutting down thread executor").
 * Mediator.bulkRequest, which serves every bulk request of the REST layer, created a fixed pool
 * to run the request's finds in parallel and never shut it down; thread dumps showed thousands of
 * idle "pool-N-thread-M" workers parked on their queues.
 * Fix: the body of bulkRequest runs in try/finally and the pool is shut down in finally.
 */
package io.oomguard.cases.realfixes.lightblue_bulkexecutor.after;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs CRUD requests against the backend controllers. */
public class Mediator {

  private final Factory factory;
  private final CrudBackend backend;

  public Mediator(Factory factory, CrudBackend backend) {
    this.factory = factory;
    this.backend = backend;
  }

  public Response find(FindRequest req) {
    return backend.find(req);
  }

  public Response insert(Request req) {
    return backend.write(req);
  }

  public Response update(Request req) {
    return backend.write(req);
  }

  public Response delete(Request req) {
    return backend.write(req);
  }

  public static class BulkExecutionContext {
    final Future<Response>[] futures;
    final Response[] responses;

    @SuppressWarnings("unchecked")
    public BulkExecutionContext(int size) {
      futures = new Future[size];
      responses = new Response[size];
    }
  }

  protected void wait(BulkExecutionContext ctx) {
    for (int i = 0; i < ctx.futures.length; i++) {
      if (ctx.futures[i] != null) {
        try {
          ctx.responses[i] = ctx.futures[i].get();
        } catch (Exception e) {
          // logged: find request wait failed
        }
      }
    }
  }

  protected Callable<Response> getAsyncFind(final FindRequest req) {
    return () -> find(req);
  }

  public BulkResponse bulkRequest(BulkRequest requests) {
    ExecutorService executor = Executors.newFixedThreadPool(factory.getBulkParallelExecutions());
    try {
      List<Request> requestList = requests.getEntries();
      int n = requestList.size();
      BulkExecutionContext ctx = new BulkExecutionContext(n);

      for (int i = 0; i < n; i++) {
        Request req = requestList.get(i);
        if (req.getOperation() == CrudOperation.FIND) {
          ctx.futures[i] = executor.submit(getAsyncFind((FindRequest) req));
        } else {
          wait(ctx);
          switch (req.getOperation()) {
            case INSERT -> ctx.responses[i] = insert(req);
            case UPDATE -> ctx.responses[i] = update(req);
            case DELETE -> ctx.responses[i] = delete(req);
            default -> {}
          }
        }
      }
      wait(ctx);
      return new BulkResponse(Arrays.asList(ctx.responses));
    } finally {
      executor.shutdown();
    }
  }
}
