package io.oomguard.cases.buffers;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses route definitions line by line, the way Undertow's predicated-handlers parser does: a
 * malformed line ends the parse with an exception whose message points at the error.
 */
public class RouteConfigParser {
  public record Route(String path, String target) {}

  public List<Route> parse(List<String> lines) {
    List<Route> routes = new ArrayList<>(lines.size());
    for (int number = 0; number < lines.size(); number++) {
      String line = lines.get(number);
      if (line.isBlank()) {
        throw error(line, number, 0, "empty line");
      }
      routes.add(parseLine(line, number));
    }
    return routes;
  }

  private static Route parseLine(String line, int number) {
    int arrow = line.indexOf("->");
    if (arrow < 0) {
      throw error(line, number, line.length(), "missing '->'");
    }
    return new Route(line.substring(0, arrow).trim(), line.substring(arrow + 2).trim());
  }

  // Quiet: builds the message of the exception that ends the parse, directly in the loop or one
  // call below it; it runs once, not per line.
  private static IllegalArgumentException error(
      String line, int number, int position, String reason) {
    StringBuilder message = new StringBuilder();
    message.append("line ").append(number + 1).append(": ").append(reason).append('\n');
    message.append(line).append('\n');
    for (int i = 0; i < Math.max(position, 0); i++) {
      message.append(' ');
    }
    message.append('^');
    return new IllegalArgumentException(message.toString());
  }
}
