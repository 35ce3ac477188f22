import com.sun.management.OperatingSystemMXBean;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * bench/run.sh's warm ways (warm, warm-reload, warm-dispatch-floor): compiles one library again and
 * again in one JVM, as a build that keeps its JVM does (Maven runs javac inside its own JVM, module
 * after module), so that javac's cost is that of warm, JIT-compiled code rather than of a cold
 * start.
 *
 * <pre>
 * java WarmJavac ROUNDS NAME=ARGFILE NAME=ARGFILE...
 * </pre>
 *
 * <p>Each round compiles with every argument file (javac's command-line arguments, one per line),
 * in the given order in even rounds and in reverse in odd ones, so that neither always runs on the
 * other's garbage. Before each compile it collects garbage; it then times the compile alone: wall
 * time, the cpu of every thread of the JVM (javac's, the JIT's, the GC's), as the cold ways count
 * it, and the cpu of javac's own thread (this one: {@code JavaCompiler.run} compiles on the thread
 * that calls it, and Error Prone and the checks run there too, so that is where their own work
 * shows; the other threads are the JIT, which keeps compiling even in a warm JVM, and the garbage
 * collector). Prints, per compile:
 *
 * <pre>
 * bench-warm: ROUND NAME EXIT WALL CPU JAVAC
 * </pre>
 *
 * <p>on standard output, and the compile's diagnostics on standard error after a line {@code
 * bench-warm: ROUND NAME}. Exits with 1 when a compile failed. Built by bench/run.sh; not part of
 * the checker. (Not JMH: its benchmarks run one after the other, each in its own forks, so the two
 * argument sets would not share a round, and it times wall-clock, not javac's thread's cpu.)
 */
public final class WarmJavac {
  private WarmJavac() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: java WarmJavac ROUNDS NAME=ARGFILE...");
      System.exit(2);
    }
    int rounds = Integer.parseInt(args[0]);
    List<String> names = new ArrayList<>();
    List<String[]> arguments = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      int equals = args[i].indexOf('=');
      if (equals <= 0) {
        System.err.println("bench-warm: not NAME=ARGFILE: " + args[i]);
        System.exit(2);
      }
      names.add(args[i].substring(0, equals));
      arguments.add(
          Files.readAllLines(Path.of(args[i].substring(equals + 1)), StandardCharsets.UTF_8)
              .toArray(String[]::new));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    boolean allCompiled = true;
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isCurrentThreadCpuTimeSupported()) {
      System.err.println("bench-warm: this JVM cannot measure a thread's cpu time");
      System.exit(2);
    }
    for (int round = 1; round <= rounds; round++) {
      for (int k = 0; k < names.size(); k++) {
        int which = round % 2 == 1 ? k : names.size() - 1 - k;
        System.gc();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        long javacCpu = threads.getCurrentThreadCpuTime();
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        int exit = javac.run(null, diagnostics, diagnostics, arguments.get(which));
        wall = System.nanoTime() - wall;
        cpu = os.getProcessCpuTime() - cpu;
        javacCpu = threads.getCurrentThreadCpuTime() - javacCpu;
        System.err.println("bench-warm: " + round + " " + names.get(which));
        System.err.print(diagnostics.toString(StandardCharsets.UTF_8));
        System.err.flush();
        System.out.printf(
            Locale.ROOT,
            "bench-warm: %d %s %d %.3f %.3f %.3f%n",
            round,
            names.get(which),
            exit,
            wall / 1e9,
            cpu / 1e9,
            javacCpu / 1e9);
        System.out.flush();
        allCompiled &= exit == 0;
      }
    }
    System.exit(allCompiled ? 0 : 1);
  }
}
