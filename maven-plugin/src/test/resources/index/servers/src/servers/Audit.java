package servers;

/** Used by {@link Interceptors}. */
public class Audit {
  public void record(String uri) {}
}
