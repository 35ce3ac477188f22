package hotpath;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

class LoopsAndStreams {
  static int probe() {
    return 0;
  }

  static {
    for (int i = 0; i < 3; i++) {
      // BUG: Diagnostic contains: hot inside a loop
      probe();
    }
  }

  private final Supplier<Integer> lazy = () -> probe();

  void loops(List<String> items, Map<String, String> byId, Iterator<String> cursor) {
    probe();
    for (int i = probe(); i < items.size(); i++) {
      // BUG: Diagnostic contains: hot inside a loop in `LoopsAndStreams.loops`
      probe();
    }
    for (String item : items.subList(probe(), 1)) {
      // BUG: Diagnostic contains: hot inside a loop in `LoopsAndStreams.loops`
      probe();
    }
    int n = 0;
    while (n++ < 10) {
      // BUG: Diagnostic contains: hot inside a loop in `LoopsAndStreams.loops`
      probe();
    }
    do {
      // BUG: Diagnostic contains: hot inside a loop in `LoopsAndStreams.loops`
      probe();
    } while (n-- > 0);
    items.forEach(
        item -> {
          // BUG: Diagnostic contains: hot inside a lambda run per element by `forEach` in `LoopsAndStreams.loops`
          probe();
        });
    byId.forEach(
        (k, v) -> {
          // BUG: Diagnostic contains: hot inside a lambda run per element by `forEach`
          probe();
        });
    cursor.forEachRemaining(
        item -> {
          // BUG: Diagnostic contains: hot inside a lambda run per element by `forEachRemaining`
          probe();
        });
    items.forEach(
        new Consumer<String>() {
          @Override
          public void accept(String item) {
            // BUG: Diagnostic contains: hot in `anonymous Consumer.accept`, called inside a loop in `LoopsAndStreams.loops`
            probe();
          }
        });
    Optional.of("x").map(x -> probe());
  }

  Map<String, Integer> streams(List<String> items) {
    return items.stream()
        .filter(
            item -> {
              // BUG: Diagnostic contains: hot inside a lambda run per element by `filter`
              return probe() > 0;
            })
        .collect(
            Collectors.toMap(
                item -> item,
                // BUG: Diagnostic contains: hot inside a lambda run per element by `toMap`
                item -> probe()));
  }

  void perItem(List<String> items) {
    for (String item : items) {
      writeRow(item);
    }
    items.forEach(this::writeCell);
  }

  private void writeRow(String item) {
    // BUG: Diagnostic contains: hot in `LoopsAndStreams.writeRow`, called inside a loop in `LoopsAndStreams.perItem`
    probe();
    format(item);
  }

  private void writeCell(String item) {
    // BUG: Diagnostic contains: hot in `LoopsAndStreams.writeCell`, called inside a loop in `LoopsAndStreams.perItem`
    probe();
  }

  private void format(String item) {
    // BUG: Diagnostic contains: via `LoopsAndStreams.perItem → LoopsAndStreams.writeRow → LoopsAndStreams.format`
    probe();
  }
}
