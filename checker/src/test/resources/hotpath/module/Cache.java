package hotpath.module;

/** Created once, lazily, into a field: its constructor is not per request. */
class Cache {
  static int probe() {
    return 0;
  }

  private final int created = probe();

  Cache() {
    probe();
  }

  int created() {
    return created;
  }
}
