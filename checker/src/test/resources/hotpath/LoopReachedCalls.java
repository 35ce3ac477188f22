package hotpath;

import java.util.List;

class LoopReachedCalls {
  static int probe() {
    return 0;
  }

  static final class Item {
    void describe() {
      // BUG: Diagnostic contains: hot in `Item.describe`, called inside a loop in `LoopReachedCalls.each` (on other objects)
      probe();
    }
  }

  void each(List<Item> items) {
    for (Item item : items) {
      item.describe();
      refresh();
      this.recount();
    }
  }

  void refresh() {
    // BUG: Diagnostic contains: hot in `LoopReachedCalls.refresh`, called inside a loop in `LoopReachedCalls.each`
    probe();
  }

  void recount() {
    // BUG: Diagnostic contains: hot in `LoopReachedCalls.recount`, called inside a loop in `LoopReachedCalls.each`
    probe();
  }

  void parse(List<String> lines) {
    for (String line : lines) {
      if (line.isEmpty()) {
        throw error(line);
      }
      if (line.isBlank()) {
        throw new IllegalStateException("blank line " + probe());
      }
    }
  }

  void parseAll(List<String> lines) {
    for (String line : lines) {
      parseOne(line);
    }
  }

  void parseOne(String line) {
    // BUG: Diagnostic contains: hot in `LoopReachedCalls.parseOne`, called inside a loop in `LoopReachedCalls.parseAll`
    probe();
    if (line.isEmpty()) {
      throw error(line);
    }
  }

  // Cold: it builds the exception that ends the loop, so it runs once.
  IllegalStateException error(String line) {
    probe();
    return new IllegalStateException(line);
  }
}
