import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report of bench/build-cost.sh: for each project and build (a clean verify, a verify with
 * nothing changed), the CPU and wall time of the build with oomguard over the same build without
 * it, as geometric means over the pairs with 95% intervals (Student's t over the logarithms), as
 * bench/Report.java does for the compile ways. Usage: java bench/BuildCost.java times.tsv
 */
public final class BuildCost {
  record Row(String project, String build, String way, int pair, double cpu, double wall) {}

  public static void main(String[] args) throws IOException {
    List<Row> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(Path.of(args[0]));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      rows.add(
          new Row(
              f[0],
              f[1],
              f[2],
              Integer.parseInt(f[3]),
              Double.parseDouble(f[4]) + Double.parseDouble(f[5]),
              Double.parseDouble(f[6])));
    }
    Map<String, List<Row>> groups = new LinkedHashMap<>();
    for (Row row : rows) {
      groups.computeIfAbsent(row.project() + "\t" + row.build(), k -> new ArrayList<>()).add(row);
    }
    StringBuilder out = new StringBuilder();
    out.append("| project | build | pairs | cpu without (s) | cpu with (s) | cpu with/without (95%)")
        .append(" | wall with/without (95%) |\n|---|---|--:|--:|--:|--:|--:|\n");
    for (Map.Entry<String, List<Row>> group : groups.entrySet()) {
      Map<Integer, Row> without = new LinkedHashMap<>();
      Map<Integer, Row> with = new LinkedHashMap<>();
      for (Row row : group.getValue()) {
        (row.way().equals("with") ? with : without).put(row.pair(), row);
      }
      List<Double> cpu = new ArrayList<>();
      List<Double> wall = new ArrayList<>();
      double cpuWithout = 0;
      double cpuWith = 0;
      for (Map.Entry<Integer, Row> pair : with.entrySet()) {
        Row other = without.get(pair.getKey());
        if (other == null) {
          continue;
        }
        cpu.add(Math.log(pair.getValue().cpu() / other.cpu()));
        wall.add(Math.log(pair.getValue().wall() / other.wall()));
        cpuWithout += other.cpu();
        cpuWith += pair.getValue().cpu();
      }
      String[] key = group.getKey().split("\t");
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %d | %.1f | %.1f | %s | %s |%n",
              key[0],
              key[1],
              cpu.size(),
              cpuWithout / cpu.size(),
              cpuWith / cpu.size(),
              interval(cpu),
              interval(wall)));
    }
    System.out.print(out);
  }

  static final double[] T95 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262};

  /** The geometric mean of the ratios whose logarithms are {@code logs}, with its interval. */
  static String interval(List<Double> logs) {
    int n = logs.size();
    double mean = logs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    if (n < 2) {
      return String.format(Locale.ROOT, "%.2f", Math.exp(mean));
    }
    double squares = logs.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
    double t = n - 1 <= T95.length ? T95[n - 2] : 1.960 + 2.37 / (n - 1);
    double half = t * Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
    return String.format(
        Locale.ROOT,
        "%.2f (%.2f–%.2f)",
        Math.exp(mean),
        Math.exp(mean - half),
        Math.exp(mean + half));
  }
}
