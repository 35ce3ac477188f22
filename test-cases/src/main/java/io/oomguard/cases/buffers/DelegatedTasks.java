package io.oomguard.cases.buffers;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tasks a loop creates and hands to an executor, a future or a constructor run later, elsewhere:
 * their code is declared in the loop, not called per iteration of it (Undertow's {@code
 * SslConduit.runTasks} wraps each delegated SSL task in an anonymous {@code Runnable} whose {@code
 * run} calls back into the handshake). Code the loop itself calls stays hot, and so does a task a
 * request handler submits: it runs once per request.
 */
public final class DelegatedTasks {
  private DelegatedTasks() {}

  /** The SslConduit shape: the list is built once per handshake step, not per delegated task. */
  static final class HandshakeConduit {
    private final Executor delegatedTaskExecutor;
    private int outstandingTasks;

    HandshakeConduit(Executor delegatedTaskExecutor) {
      this.delegatedTaskExecutor = delegatedTaskExecutor;
    }

    synchronized void runTasks(SSLEngine engine) {
      List<Runnable> tasks = new ArrayList<>();
      Runnable t = engine.getDelegatedTask();
      while (t != null) {
        tasks.add(t);
        t = engine.getDelegatedTask();
      }
      outstandingTasks += tasks.size();
      for (Runnable task : tasks) {
        Runnable wrappedTask =
            new Runnable() {
              @Override
              public void run() {
                try {
                  task.run();
                } finally {
                  afterTask(engine);
                }
              }
            };
        delegatedTaskExecutor.execute(wrappedTask);
      }
    }

    private synchronized void afterTask(SSLEngine engine) {
      if (--outstandingTasks == 0) {
        runTasks(engine);
      }
    }
  }

  public record Line(String sku, int quantity) {}

  public record Order(String id, List<Line> lines) {}

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** {@code order} as JSON, through an unsized writer: hot wherever it is called per item. */
  static String json(StringWriter writer, Object value) {
    try {
      MAPPER.writeValue(writer, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return writer.toString();
  }

  /** One rendering task per order, run by the pool; the loop only submits them. */
  static final class InvoiceMailer {
    private final ExecutorService pool;

    InvoiceMailer(ExecutorService pool) {
      this.pool = pool;
    }

    void mailAll(List<Order> orders) {
      for (Order order : orders) {
        pool.execute(
            () -> {
              StringWriter body = new StringWriter();
              send(order.id(), json(body, order));
            });
        CompletableFuture.supplyAsync(() -> render(order), pool)
            .thenAccept(text -> send(order.id(), text));
      }
    }

    /** Reached only from tasks: not per iteration of the submitting loop. */
    private String render(Order order) {
      StringWriter text = new StringWriter();
      try {
        MAPPER.writeValue(text, order);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return text.toString();
    }

    /** The same rendering called by the loop itself: per order. */
    List<String> previewAll(List<Order> orders) {
      List<String> previews = new ArrayList<>(orders.size());
      for (Order order : orders) {
        previews.add(preview(order));
      }
      return previews;
    }

    private String preview(Order order) {
      // BUG: Diagnostic contains: UnsizedBufferInHotPath
      // in `InvoiceMailer.preview`, called inside a loop in `InvoiceMailer.previewAll`
      StringWriter text = new StringWriter();
      try {
        MAPPER.writeValue(text, order);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return text.toString();
    }

    private void send(String id, String text) {}
  }

  /** A factory the parse loop calls: the attribute it returns is read later, not in the loop. */
  static final class PatternParser {
    List<Supplier<String>> parse(List<String> tokens, List<String> headerValues) {
      List<Supplier<String>> attributes = new ArrayList<>(tokens.size());
      for (String token : tokens) {
        attributes.add(headerAttribute(token, headerValues));
      }
      return attributes;
    }

    private Supplier<String> headerAttribute(String name, List<String> values) {
      return new Quoted(
          new Supplier<String>() {
            @Override
            public String get() {
              StringWriter joined = new StringWriter();
              try {
                MAPPER.writeValue(joined, values);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              return name + ": " + joined;
            }
          });
    }

    record Quoted(Supplier<String> inner) implements Supplier<String> {
      @Override
      public String get() {
        return '"' + inner.get() + '"';
      }
    }
  }

  /** A task a request handler submits runs once per request: still hot. */
  @RestController
  public static class ExportController {
    private final ExecutorService exports;

    public ExportController(ExecutorService exports) {
      this.exports = exports;
    }

    @PostMapping("/exports")
    public void export(@RequestBody List<Order> orders) {
      exports.execute(
          () -> {
            // BUG: Diagnostic contains: UnsizedBufferInHotPath
            // in request handler `ExportController.export` (POST /exports)
            StringWriter json = new StringWriter();
            try (JsonGenerator out = MAPPER.getFactory().createGenerator(json)) {
              out.writeStartArray();
              for (Order order : orders) {
                out.writeString(order.id());
              }
              out.writeEndArray();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            store(json.toString());
          });
    }

    private void store(String csv) {}
  }
}
