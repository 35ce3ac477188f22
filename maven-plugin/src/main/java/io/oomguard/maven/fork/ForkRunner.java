package io.oomguard.maven.fork;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/** Starts the analysis JVM, relays its output, and reads back its {@link ForkResults}. */
public final class ForkRunner {
  private static final int TAIL_LINES = 40;
  private static final int REASON_LINES = 200;

  private final Consumer<String> debug;

  /** A runner that passes every line the fork prints to {@code debug}. */
  public ForkRunner(Consumer<String> debug) {
    this.debug = debug;
  }

  /**
   * Writes {@code job} and the command's argument file next to it, runs the fork and returns what
   * it found.
   *
   * @throws ForkFailedException if the fork exits non-zero or writes no results
   */
  public ForkResults run(ForkCommand command, ForkJob job)
      throws IOException, InterruptedException, ForkFailedException {
    job.write(command.job());
    Path argumentFile = command.job().resolveSibling("jvm-arguments.txt");
    Files.writeString(argumentFile, command.argumentFile(), Charset.defaultCharset());
    Files.deleteIfExists(job.results());
    runJvm("analysis", command.java(), argumentFile, job.results());
    return ForkResults.read(job.results());
  }

  /**
   * Builds the cross-class index in its own JVM, which writes {@code command.output()}.
   *
   * @throws ForkFailedException if the JVM exits non-zero or writes no index
   */
  public void runIndex(IndexCommand command)
      throws IOException, InterruptedException, ForkFailedException {
    Path argumentFile = command.output().resolveSibling("index-jvm-arguments.txt");
    Files.createDirectories(command.output().getParent());
    Files.writeString(
        argumentFile, ForkCommand.argumentFile(command.arguments()), Charset.defaultCharset());
    Files.deleteIfExists(command.output());
    runJvm("index", command.java(), argumentFile, command.output());
  }

  /** Runs {@code java @argumentFile}, relaying its output, and checks that it wrote {@code out}. */
  private void runJvm(String what, Path java, Path argumentFile, Path out)
      throws IOException, InterruptedException, ForkFailedException {
    Process process =
        new ProcessBuilder(java.toString(), "@" + argumentFile).redirectErrorStream(true).start();
    Deque<String> tail = new ArrayDeque<>();
    List<String> reason = new ArrayList<>(); // the fork's own account of an incomplete analysis
    try (BufferedReader output =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), Charset.defaultCharset()))) {
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        debug.accept(line);
        if (tail.size() == TAIL_LINES) {
          tail.removeFirst();
        }
        tail.addLast(line);
        if (line.startsWith(ForkFailedException.INCOMPLETE_MARKER)) {
          reason.clear();
        }
        if ((!reason.isEmpty() || line.startsWith(ForkFailedException.INCOMPLETE_MARKER))
            && reason.size() < REASON_LINES) {
          reason.add(line);
        }
      }
      int exitCode = process.waitFor();
      if (exitCode != 0 || !Files.isRegularFile(out)) {
        throw new ForkFailedException(
            what,
            exitCode,
            exitCode == ForkFailedException.ANALYSIS_INCOMPLETE && !reason.isEmpty()
                ? reason
                : new ArrayList<>(tail));
      }
    } finally {
      process.destroyForcibly();
    }
  }
}
