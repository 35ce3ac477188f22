package io.oomguard.checker.streams;

import java.util.Comparator;

/**
 * Where a stream, reader, entity or URL comes from, as far as the compiler can see.
 *
 * @param kind what is known about the origin
 * @param description for {@link Kind#NETWORK} the call that yields the body (for example {@code
 *     HttpURLConnection.getInputStream()}), for {@link Kind#BOUNDED} what bounds it; empty
 *     otherwise
 * @param parameter for {@link Kind#PARAMETER} the position of the parameter; -1 otherwise
 * @param presumed for {@link Kind#NETWORK}, whether it is only presumed: a URL read through a plain
 *     {@code URLConnection} or {@code openStream()} whose origin the code does not show (it may as
 *     well be a file or a class-path resource)
 */
public record BodyOrigin(Kind kind, String description, int parameter, boolean presumed) {
  /** What is known about an origin, from least to most decisive. */
  public enum Kind {
    /** Nothing flows in here (a {@code null}, or a cycle through assignments). */
    NONE,
    /** A local, in-memory or file-system source: a class-path resource, a file, a byte array. */
    LOCAL,
    /** Not traceable from here: a parameter, a field set elsewhere, an unknown method's result. */
    UNKNOWN,
    /**
     * A parameter of the method being summarized as a helper ({@link StreamHelpers}): what it reads
     * depends on its callers.
     */
    PARAMETER,
    /** An HTTP request or response body, as delivered by the network. */
    NETWORK,
    /** A body behind a visible size limit (a limiting wrapper, a content-length guard). */
    BOUNDED
  }

  static final BodyOrigin NONE = new BodyOrigin(Kind.NONE, "", -1, false);
  static final BodyOrigin LOCAL = new BodyOrigin(Kind.LOCAL, "", -1, false);
  static final BodyOrigin UNKNOWN = new BodyOrigin(Kind.UNKNOWN, "", -1, false);

  /** Content bundled with the application (a class-path resource): local, and of a known size. */
  static final BodyOrigin BUNDLED = new BodyOrigin(Kind.LOCAL, "a bundled resource", -1, false);

  static BodyOrigin network(String description) {
    return new BodyOrigin(Kind.NETWORK, description, -1, false);
  }

  static BodyOrigin presumedNetwork(String description) {
    return new BodyOrigin(Kind.NETWORK, description, -1, true);
  }

  static BodyOrigin bounded(String description) {
    return new BodyOrigin(Kind.BOUNDED, description, -1, false);
  }

  static BodyOrigin parameter(int position) {
    return new BodyOrigin(Kind.PARAMETER, "", position, false);
  }

  /** Whether this is content bundled with the application, such as a class-path resource. */
  public boolean isBundled() {
    return equals(BUNDLED);
  }

  /** Whether this origin is a visible bound (a limiting wrapper, a content-length guard). */
  public boolean isBounded() {
    return kind == Kind.BOUNDED;
  }

  /** Whether this origin is a network body with no visible bound. */
  public boolean isUnboundedNetworkBody() {
    return kind == Kind.NETWORK;
  }

  /**
   * The origin of a value that may be either of two (the branches of a conditional, the values
   * assigned to one variable): a visible bound on any of them wins, since precision comes first.
   */
  static BodyOrigin eitherOf(BodyOrigin a, BodyOrigin b) {
    if (a.kind == Kind.NETWORK
        && b.kind == Kind.NETWORK
        && !a.description.contains(b.description)) {
      // status >= 400 ? conn.getErrorStream() : conn.getInputStream()
      return new BodyOrigin(
          Kind.NETWORK, a.description + " or " + b.description, -1, a.presumed && b.presumed);
    }
    return a.kind.compareTo(b.kind) >= 0 ? a : b;
  }

  /**
   * The origin that matters when the same code runs for several callers: the riskiest one, since
   * one caller passing an unbounded body is enough for the read to fail.
   */
  static BodyOrigin worstOf(BodyOrigin a, BodyOrigin b) {
    return RISK.compare(a, b) >= 0 ? a : b;
  }

  private static final Comparator<BodyOrigin> RISK =
      Comparator.comparingInt(origin -> riskRank(origin.kind));

  private static int riskRank(Kind kind) {
    return switch (kind) {
      case NONE -> 0;
      case LOCAL -> 1;
      case BOUNDED -> 2;
      case UNKNOWN -> 3;
      case PARAMETER -> 4;
      case NETWORK -> 5;
    };
  }
}
