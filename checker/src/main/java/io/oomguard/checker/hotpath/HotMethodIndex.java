package io.oomguard.checker.hotpath;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cross-class hot-path index: methods of a module reached from an entry point in another class,
 * each with one shortest call chain. A source-level indexer (the Maven plugin) writes it before
 * analysis; {@link HotPaths} reads it through {@code -XepOpt:OomGuard:HotMethodsFile}.
 *
 * <p>The file is UTF-8 text: a header line, then one tab-separated line per hot method: its {@link
 * #key key}, the entry point's kind, its route (may be empty), and the chain of {@code
 * Class.method} names from the entry point to the method, joined by {@code " → "}.
 */
public final class HotMethodIndex {
  /** The first line of every index file. */
  public static final String HEADER = "# oomguard hot-method index v1";

  /** How a method is reached: the entry point's kind and route, and the chain of names. */
  public record Entry(String kind, String route, ImmutableList<String> chain) {}

  private static final HotMethodIndex EMPTY = new HotMethodIndex(ImmutableMap.of());

  private final ImmutableMap<String, Entry> entries;

  private HotMethodIndex(ImmutableMap<String, Entry> entries) {
    this.entries = entries;
  }

  /** An index with no methods: what compiler-plugin mode has. */
  public static HotMethodIndex empty() {
    return EMPTY;
  }

  /** An index of the given methods, by key. */
  public static HotMethodIndex of(Map<String, Entry> entries) {
    return new HotMethodIndex(ImmutableMap.copyOf(entries));
  }

  /**
   * The key of a method: the binary name of its class, {@code #}, its name ({@code <init>} for
   * constructors), and the simple names of its erased parameter types, e.g. {@code
   * com.acme.CatalogService#lookup(String,List,int[])}. Simple names keep the key computable from
   * source alone, where imports may not resolve.
   */
  public static String key(String binaryClassName, String method, List<String> parameterTypes) {
    return binaryClassName + "#" + method + "(" + String.join(",", parameterTypes) + ")";
  }

  /** The key of a javac method symbol. */
  static String key(MethodSymbol method, Types types) {
    List<String> parameters =
        method.getParameters().stream()
            .map(VarSymbol::asType)
            .map(type -> simpleErasedName(types.erasure(type)))
            .collect(Collectors.toList());
    String owner = ((ClassSymbol) method.owner).flatName().toString();
    return key(owner, method.getSimpleName().toString(), parameters);
  }

  private static String simpleErasedName(Type type) {
    if (type instanceof Type.ArrayType array) {
      return simpleErasedName(array.getComponentType()) + "[]";
    }
    return type.tsym == null ? type.toString() : type.tsym.getSimpleName().toString();
  }

  /** The entry for a method key, or null when the index does not know it as hot. */
  public Entry get(String key) {
    return entries.get(key);
  }

  /** Every hot method's key. */
  public ImmutableMap<String, Entry> entries() {
    return entries;
  }

  /** Reads an index file; fails with a message naming the file and line when it is malformed. */
  public static HotMethodIndex read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the oomguard hot-method index " + file, e);
    }
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new IllegalArgumentException(
          file + ":1: not an oomguard hot-method index (expected the line '" + HEADER + "')");
    }
    ImmutableMap.Builder<String, Entry> entries = ImmutableMap.builder();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      if (fields.length != 4 || fields[0].isEmpty() || fields[3].isEmpty()) {
        throw new IllegalArgumentException(
            file + ":" + (i + 1) + ": expected 4 tab-separated fields (key, kind, route, chain)");
      }
      entries.put(
          fields[0], new Entry(fields[1], fields[2], ImmutableList.copyOf(fields[3].split(" → "))));
    }
    return new HotMethodIndex(entries.buildKeepingLast());
  }

  /** Writes the index in the format {@link #read} reads. */
  public void write(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (Writer writer =
        new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      writer.write(HEADER + "\n");
      for (Map.Entry<String, Entry> entry : entries.entrySet()) {
        Entry value = entry.getValue();
        writer.write(
            String.join(
                    "\t",
                    entry.getKey(),
                    value.kind(),
                    value.route(),
                    String.join(" → ", value.chain()))
                + "\n");
      }
    }
  }
}
