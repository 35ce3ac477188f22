package io.oomguard.maven.index;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.oomguard.checker.hotpath.EntryPoints;
import io.oomguard.checker.hotpath.HotMethodIndex;
import io.oomguard.maven.index.SourceTypes.SourceMethod;
import io.oomguard.maven.index.SourceTypes.SourceType;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The whole-module index of entry points and call edges, built from source with JavaParser before
 * analysis: every method reachable from an entry point of {@link EntryPoints}, with one shortest
 * call chain. javac sees one class at a time; this is what lets a finding in {@code
 * CatalogService.lookup} say it runs per request via {@code OrderController.list}.
 *
 * <p>Methods reachable only from start-up code (constructors, {@code @PostConstruct}, {@code main},
 * {@code @Bean} factories) are not in the index: the search starts at entry points only.
 */
public final class ModuleIndex {
  /**
   * What was indexed, for the build log and the benchmark: {@code bodies} method bodies were taken
   * out before parsing, {@code bodiesParsed} of them were parsed because the search reached them;
   * {@code edges} are the call edges leaving the methods reached. The times are wall-clock: parsing
   * the files' declarations (on several threads), then the search with its body parsing.
   */
  public record Stats(
      int files,
      int types,
      int methods,
      int edges,
      int entryPoints,
      int hot,
      int bodies,
      int bodiesParsed,
      long parseMillis,
      long searchMillis) {}

  /** The index and its statistics. */
  public record Result(HotMethodIndex index, Stats stats, List<String> unparsable) {}

  private ModuleIndex() {}

  /**
   * Parses every {@code .java} file under {@code sourceRoots} (UTF-8) and computes the hot methods.
   * Files that do not parse are listed in the result and skipped.
   */
  public static Result build(List<Path> sourceRoots, Set<String> customEntryPointAnnotations) {
    return build(sourceRoots, StandardCharsets.UTF_8, customEntryPointAnnotations);
  }

  /**
   * {@link #build(List, Set)} of sources in {@code encoding}. One grammar serves every Java level
   * (JavaParser's RAW level, without the levels' validation): javac validates the same sources
   * right after, so the module's level needs no say here.
   */
  public static Result build(
      List<Path> sourceRoots, Charset encoding, Set<String> customEntryPointAnnotations) {
    long start = System.nanoTime();
    LazyBodies bodies = new LazyBodies(newParser());
    SourceTypes types = new SourceTypes(bodies);
    List<Path> files = javaFiles(sourceRoots);
    List<Parsed> parsed = parseAll(files, encoding);
    List<String> unparsable = new ArrayList<>();
    int strippedBodies = 0;
    for (int i = 0; i < files.size(); i++) {
      ParseResult<CompilationUnit> result = parsed.get(i).result();
      if (result.getResult().isPresent() && result.isSuccessful()) {
        types.add(result.getResult().get(), parsed.get(i).bodies());
        strippedBodies += parsed.get(i).bodies().size();
      } else {
        unparsable.add(files.get(i) + ": " + result.getProblems());
      }
    }
    long parseEnd = System.nanoTime();
    types.link();
    CallGraph graph = CallGraph.of(types);

    List<SourceMethod> methods = new ArrayList<>();
    types.all().forEach(type -> methods.addAll(type.methods));
    EntryPointFinder finder = new EntryPointFinder(types, customEntryPointAnnotations);

    // Breadth-first from every entry point: the first chain found is a shortest one. Methods that
    // are entry points only because they take a request object start chains last, for what the
    // declared entry points do not reach.
    Map<SourceMethod, Reach> reached = new LinkedHashMap<>();
    List<SourceMethod> weak = new ArrayList<>();
    Deque<SourceMethod> queue = new ArrayDeque<>();
    int entryPoints = 0;
    for (SourceMethod method : methods) {
      Optional<EntryPointFinder.Found> entry = finder.find(method);
      if (entry.isPresent()) {
        entryPoints++;
        if (entry.get().byRequestParameter()) {
          weak.add(method);
        } else {
          reached.put(method, new Reach(entry.get(), ImmutableList.of(method.displayName())));
          queue.add(method);
        }
      }
    }
    search(graph, reached, queue);
    for (SourceMethod method : weak) {
      if (!reached.containsKey(method)) {
        reached.put(
            method,
            new Reach(finder.find(method).orElseThrow(), ImmutableList.of(method.displayName())));
        queue.add(method);
      }
    }
    search(graph, reached, queue);

    Map<String, HotMethodIndex.Entry> entries = new LinkedHashMap<>();
    reached.forEach(
        (method, reach) -> {
          if (reach.chain().size() > 1) {
            entries.put(
                HotMethodIndex.key(method.owner.binaryName, method.name, method.parameterKeyTypes),
                new HotMethodIndex.Entry(
                    reach.entry().kind(), reach.entry().route(), reach.chain()));
          }
        });
    unparsable.addAll(bodies.problems());
    int typeCount = 0;
    for (SourceType ignored : types.all()) {
      typeCount++;
    }
    return new Result(
        HotMethodIndex.of(entries),
        new Stats(
            files.size(),
            typeCount,
            methods.size(),
            graph.edgeCount(),
            entryPoints,
            entries.size(),
            strippedBodies,
            bodies.parsed(),
            (parseEnd - start) / 1_000_000,
            (System.nanoTime() - parseEnd) / 1_000_000),
        unparsable);
  }

  /**
   * The index JVM's entry point (see {@code IndexCommand}): {@code --out FILE [--encoding CHARSET]
   * [--hot-path-annotations a.B,c.D] SOURCE_ROOT...}. Writes the index and prints its statistics;
   * exits 2 on bad arguments, 1 when the index cannot be built.
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    Path output = null;
    Charset encoding = StandardCharsets.UTF_8;
    Set<String> annotations = Set.of();
    List<Path> roots = new ArrayList<>();
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--out" -> output = Path.of(value(args, ++i, "--out"));
          case "--encoding" -> encoding = Charset.forName(value(args, ++i, "--encoding"));
          case "--hot-path-annotations" ->
              annotations =
                  Stream.of(value(args, ++i, "--hot-path-annotations").split(",", -1))
                      .map(String::trim)
                      .filter(name -> !name.isEmpty())
                      .collect(Collectors.toUnmodifiableSet());
          default -> {
            if (args[i].startsWith("--")) {
              throw new IllegalArgumentException("unknown option " + args[i]);
            }
            roots.add(Path.of(args[i]));
          }
        }
      }
      if (output == null || roots.isEmpty()) {
        throw new IllegalArgumentException("needs --out FILE and at least one source root");
      }
    } catch (IllegalArgumentException e) {
      err.println(
          "oomguard index: "
              + e.getMessage()
              + "\nusage: ModuleIndex --out FILE [--encoding UTF-8]"
              + " [--hot-path-annotations a.B,c.D]"
              + " SOURCE_ROOT...");
      return 2;
    }
    try {
      Result result = build(roots, encoding, annotations);
      result.index().write(output);
      Stats stats = result.stats();
      out.printf(
          Locale.ROOT,
          "oomguard index: %d files, %d types, %d methods, %d entry points, %d hot methods,"
              + " %d call edges followed; %d of %d method bodies parsed; parse %d ms, search %d ms%n",
          stats.files(),
          stats.types(),
          stats.methods(),
          stats.entryPoints(),
          stats.hot(),
          stats.edges(),
          stats.bodiesParsed(),
          stats.bodies(),
          stats.parseMillis(),
          stats.searchMillis());
      for (String problem : result.unparsable()) {
        out.println(
            "oomguard index: skipped (JavaParser cannot read it): "
                + problem.lines().findFirst().orElse(problem));
      }
      return 0;
    } catch (IOException | RuntimeException e) {
      err.println("oomguard index: cannot build the index: " + e);
      e.printStackTrace(err);
      return 1;
    }
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  private record Reach(EntryPointFinder.Found entry, ImmutableList<String> chain) {}

  /** Breadth-first from the methods in {@code queue}, recording the first chain to each. */
  private static void search(
      CallGraph graph, Map<SourceMethod, Reach> reached, Deque<SourceMethod> queue) {
    while (!queue.isEmpty()) {
      SourceMethod caller = queue.poll();
      Reach reach = reached.get(caller);
      for (SourceMethod callee : graph.callees(caller)) {
        if (!reached.containsKey(callee)) {
          reached.put(
              callee,
              new Reach(
                  reach.entry(),
                  ImmutableList.<String>builder()
                      .addAll(reach.chain())
                      .add(callee.displayName())
                      .build()));
          queue.add(callee);
        }
      }
    }
  }

  /** A parsed file and the method bodies taken out before parsing (see {@link LazyBodies}). */
  private record Parsed(ParseResult<CompilationUnit> result, List<String> bodies) {}

  /**
   * Parses the files on one thread per core (a JavaParser instance is not thread-safe), keeping
   * their order, each as a {@link LazyBodies.Skeleton} (whole when its skeleton does not parse). No
   * validation: javac validates the same sources right after, and a level's validators cost a third
   * of the parse. The grammar is the same for every level; only {@code var}, which the levels'
   * post-processing would turn into a VarType, is left as a plain name.
   */
  private static List<Parsed> parseAll(List<Path> files, Charset encoding) {
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 4));
    List<Parsed> results = new ArrayList<>(files.size());
    for (int i = 0; i < files.size(); i++) {
      results.add(null);
    }
    ExecutorService pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            0L,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(threads),
            new ThreadPoolExecutor.CallerRunsPolicy());
    try {
      List<Future<?>> slices = new ArrayList<>(threads);
      for (int t = 0; t < threads; t++) {
        int slice = t;
        slices.add(
            pool.submit(
                () -> {
                  JavaParser parser = newParser();
                  for (int i = slice; i < files.size(); i += threads) {
                    results.set(i, parse(parser, files.get(i), encoding));
                  }
                }));
      }
      for (Future<?> slice : slices) {
        slice.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while indexing the module", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return results;
  }

  static JavaParser newParser() {
    return new JavaParser(
        new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)
            .setAttributeComments(false)
            .setStoreTokens(false)
            .setLexicalPreservationEnabled(false)
            .setDetectOriginalLineSeparator(false));
  }

  private static Parsed parse(JavaParser parser, Path file, Charset encoding) {
    String source;
    try {
      // Lenient decoding: a stray byte in a comment must not stop the index.
      source = new String(Files.readAllBytes(file), encoding);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    try {
      LazyBodies.Skeleton skeleton = LazyBodies.strip(source);
      ParseResult<CompilationUnit> result = parser.parse(skeleton.text());
      if (result.isSuccessful()) {
        return new Parsed(result, skeleton.bodies());
      }
    } catch (IllegalArgumentException e) {
      // Braces the stripper cannot follow: the parse of the whole file below says what is wrong.
    }
    return new Parsed(parser.parse(source), List.of());
  }

  private static List<Path> javaFiles(List<Path> roots) {
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        files.addAll(
            walk.filter(path -> path.toString().endsWith(".java"))
                .filter(path -> !path.getFileName().toString().equals("module-info.java"))
                .sorted()
                .collect(Collectors.toList()));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list " + root, e);
      }
    }
    return files;
  }

  /** Finds entry points on source declarations, from the one table in {@link EntryPoints}. */
  static final class EntryPointFinder {
    /**
     * An entry point: its kind, its route, and whether it is one only because it takes a request
     * object (a chain from a declared entry point, when there is one, says more).
     */
    record Found(String kind, String route, boolean byRequestParameter) {}

    private final SourceTypes types;
    private final ImmutableSet<String> custom;

    EntryPointFinder(SourceTypes types, Set<String> custom) {
      this.types = types;
      this.custom = ImmutableSet.copyOf(custom);
    }

    Optional<Found> find(SourceMethod method) {
      if (!(method.declaration instanceof MethodDeclaration)) {
        return Optional.empty();
      }
      for (AnnotationExpr annotation :
          method.isStatic() ? List.<AnnotationExpr>of() : method.declaration.getAnnotations()) {
        for (String name :
            SourceTypes.annotationCandidates(annotation.getNameAsString(), method.owner)) {
          if (custom.contains(name)) {
            return Optional.of(new Found("entry point @" + simple(name), "", false));
          }
          for (EntryPoints.Family family : EntryPoints.FAMILIES) {
            if (family.annotations().contains(name)) {
              return Optional.of(new Found(family.kind(), route(method, annotation, name), false));
            }
          }
        }
      }
      for (EntryPoints.Family family : EntryPoints.FAMILIES) {
        if (family.supertypes().isEmpty() && !family.isParameterFamily()) {
          continue; // an annotation family: matched above
        }
        if (!family.methodNames().isEmpty() && !family.methodNames().contains(method.name)) {
          continue;
        }
        if (!family.parameterTypes().isEmpty()
            && method.parameterTypes.stream()
                .noneMatch(type -> takes(family, type, method.owner))) {
          continue;
        }
        if (family.isParameterFamily()) {
          return Optional.of(new Found(family.kind(), "", true));
        }
        if (!method.isStatic() && isSubtypeOfAny(method.owner, family)) {
          return Optional.of(new Found(family.kind(), "", false));
        }
      }
      return Optional.empty();
    }

    /** Whether {@code written}, a parameter type as resolved in {@code context}, is one of it. */
    private boolean takes(EntryPoints.Family family, String written, SourceType context) {
      for (String candidate : SourceTypes.typeCandidates(written, context)) {
        if (family.parameterTypes().contains(candidate)) {
          return true;
        }
      }
      return false;
    }

    /**
     * Whether {@code type} extends or implements one of the family's supertypes, through the
     * module's own types; a supertype from a library is known by its import, single or on demand
     * ({@code import io.netty.channel.*;}). A Thrift service is known by its generated {@code
     * Iface}, with an import from Thrift's package in the file.
     */
    private boolean isSubtypeOfAny(SourceType type, EntryPoints.Family family) {
      List<SourceType> pending = new ArrayList<>(List.of(type));
      Set<String> seen = new java.util.HashSet<>();
      while (!pending.isEmpty()) {
        SourceType current = pending.remove(pending.size() - 1);
        for (String supertype : current.supertypes) {
          if (!seen.add(current.binaryName + " " + supertype)) {
            continue;
          }
          if (family.thrownType().isPresent()) {
            if (family.supertypes().contains(simple(supertype.replace('$', '.')))
                && importsFrom(current, family.thrownType().get())) {
              return true;
            }
          } else {
            for (String candidate : SourceTypes.typeCandidates(supertype, current)) {
              if (family.supertypes().contains(candidate)
                  // Generated gRPC bases (FooGrpc.FooImplBase) are BindableServices, rarely in
                  // source.
                  || (family.parameterTypes().contains("io.grpc.stub.StreamObserver")
                      && candidate.endsWith("ImplBase"))) {
                return true;
              }
            }
          }
          types.byBinaryName(supertype).ifPresent(pending::add);
        }
      }
      return false;
    }

    /** Whether the file of {@code type} imports anything from the package of {@code name}. */
    private static boolean importsFrom(SourceType type, String name) {
      String pkg = name.substring(0, name.lastIndexOf('.') + 1);
      return type.file.singleImports.values().stream().anyMatch(i -> i.startsWith(pkg))
          || type.file.onDemandImports.stream().anyMatch(i -> (i + ".").startsWith(pkg));
    }

    private String route(SourceMethod method, AnnotationExpr annotation, String qualifiedName) {
      String simple = simple(qualifiedName);
      if (qualifiedName.startsWith("org.springframework.web.bind.annotation.")) {
        String verb =
            simple.equals("RequestMapping")
                ? attribute(annotation, "method").map(ModuleIndex::simple).orElse("")
                : simple.replace("Mapping", "").toUpperCase(Locale.ROOT);
        String prefix =
            classAnnotation(method.owner, "RequestMapping")
                .flatMap(a -> attribute(a, "value").or(() -> attribute(a, "path")))
                .orElse("");
        String path =
            attribute(annotation, "value").or(() -> attribute(annotation, "path")).orElse("");
        return (verb + " " + join(prefix, path)).trim();
      }
      if (qualifiedName.startsWith("javax.ws.rs.") || qualifiedName.startsWith("jakarta.ws.rs.")) {
        String prefix =
            classAnnotation(method.owner, "Path").flatMap(a -> attribute(a, "value")).orElse("");
        String path =
            method.declaration.getAnnotations().stream()
                .filter(a -> simple(a.getNameAsString()).equals("Path"))
                .findFirst()
                .flatMap(a -> attribute(a, "value"))
                .orElse("");
        return (simple + " " + join(prefix, path)).trim();
      }
      if (simple.equals("KafkaListener")) {
        return attribute(annotation, "topics").map(t -> "topic " + t).orElse("");
      }
      return "";
    }

    private static Optional<AnnotationExpr> classAnnotation(SourceType type, String simpleName) {
      return type.declaration.getAnnotations().stream()
          .filter(a -> simple(a.getNameAsString()).equals(simpleName))
          .findFirst();
    }

    private static Optional<String> attribute(AnnotationExpr annotation, String name) {
      Expression value = null;
      if (annotation instanceof SingleMemberAnnotationExpr single && name.equals("value")) {
        value = single.getMemberValue();
      } else if (annotation instanceof NormalAnnotationExpr normal) {
        for (MemberValuePair pair : normal.getPairs()) {
          if (pair.getNameAsString().equals(name)) {
            value = pair.getValue();
          }
        }
      }
      if (value instanceof ArrayInitializerExpr array && !array.getValues().isEmpty()) {
        value = array.getValues().get(0);
      }
      if (value instanceof StringLiteralExpr literal) {
        return Optional.of(literal.asString());
      }
      return value == null ? Optional.empty() : Optional.of(value.toString());
    }

    private static String join(String prefix, String path) {
      String joined =
          Stream.of(prefix, path)
              .map(part -> part.replaceAll("^/+|/+$", ""))
              .filter(part -> !part.isEmpty())
              .collect(Collectors.joining("/"));
      return joined.isEmpty() ? "" : "/" + joined;
    }
  }

  private static String simple(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
