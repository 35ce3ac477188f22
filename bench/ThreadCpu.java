import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A Java agent for bench/run.sh: when the JVM it is loaded into exits, prints how much CPU (user +
 * system) its threads used, by kind, read from Linux's {@code /proc/self/task/<tid>/stat}:
 *
 * <pre>
 * bench-threads: javac=4.71 jit=6.02 gc=0.45 other=0.08
 * </pre>
 *
 * <p><i>javac</i> is the launcher's threads (the compiler runs on one of them), <i>jit</i> the JIT
 * compiler threads, <i>gc</i> the garbage collector's. The agent argument is the kernel's clock
 * ticks per second ({@code getconf CLK_TCK}). It reads its numbers in a shutdown hook, so what the
 * threads do after the hook (very little) is not counted. Built by bench/run.sh; not part of the
 * checker.
 */
public final class ThreadCpu {
  private ThreadCpu() {}

  /** Registers the shutdown hook; {@code ticksPerSecond} is {@code getconf CLK_TCK}. */
  public static void premain(String ticksPerSecond) {
    double tick = 1.0 / Integer.parseInt(ticksPerSecond.trim());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> report(tick), "bench-threads"));
  }

  private static void report(double tick) {
    long javac = 0;
    long jit = 0;
    long gc = 0;
    long other = 0;
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      for (Path task : tasks) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
        } catch (IOException threadEnded) {
          continue;
        }
        // pid (comm) state ppid ...: comm may hold spaces; utime and stime are fields 14 and 15.
        int close = stat.lastIndexOf(')');
        String name = stat.substring(stat.indexOf('(') + 1, close);
        String[] fields = stat.substring(close + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        if (name.equals("javac") || name.equals("java")) {
          javac += ticks;
        } else if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
          jit += ticks;
        } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
          gc += ticks;
        } else {
          other += ticks;
        }
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("bench-threads: unreadable: " + e);
      return;
    }
    System.err.printf(
        Locale.ROOT,
        "bench-threads: javac=%.2f jit=%.2f gc=%.2f other=%.2f%n",
        javac * tick,
        jit * tick,
        gc * tick,
        other * tick);
  }
}
