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
import java.io.UncheckedIOException;
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
  /** What was indexed, for the build log and the benchmark. */
  public record Stats(int files, int types, int methods, int edges, int entryPoints, int hot) {}

  /** The index and its statistics. */
  public record Result(HotMethodIndex index, Stats stats, List<String> unparsable) {}

  private ModuleIndex() {}

  /**
   * Parses every {@code .java} file under {@code sourceRoots} at {@code languageLevel} and computes
   * the hot methods. Files that do not parse are listed in the result and skipped.
   */
  public static Result build(
      List<Path> sourceRoots,
      ParserConfiguration.LanguageLevel languageLevel,
      Set<String> customEntryPointAnnotations) {
    SourceTypes types = new SourceTypes();
    List<Path> files = javaFiles(sourceRoots);
    // One grammar serves every level; the module's level needs no validation here (javac does it).
    List<ParseResult<CompilationUnit>> parsed = parseAll(files);
    List<String> unparsable = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      ParseResult<CompilationUnit> result = parsed.get(i);
      if (result.getResult().isPresent() && result.isSuccessful()) {
        types.add(result.getResult().get());
      } else {
        unparsable.add(files.get(i) + ": " + result.getProblems());
      }
    }
    types.link();
    CallGraph graph = CallGraph.of(types);

    List<SourceMethod> methods = new ArrayList<>();
    types.all().forEach(type -> methods.addAll(type.methods));
    EntryPointFinder finder = new EntryPointFinder(types, customEntryPointAnnotations);

    // Breadth-first from every entry point: the first chain found is a shortest one.
    Map<SourceMethod, Reach> reached = new LinkedHashMap<>();
    Deque<SourceMethod> queue = new ArrayDeque<>();
    int entryPoints = 0;
    for (SourceMethod method : methods) {
      Optional<EntryPointFinder.Found> entry = finder.find(method);
      if (entry.isPresent()) {
        entryPoints++;
        reached.put(method, new Reach(entry.get(), ImmutableList.of(method.displayName())));
        queue.add(method);
      }
    }
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
            entries.size()),
        unparsable);
  }

  /**
   * Builds the index of the source roots given as arguments and prints its statistics and the wall
   * time it took, for {@code bench/index-cost.sh}. Not used by the plugin.
   */
  public static void main(String[] args) {
    List<Path> roots = Stream.of(args).map(Path::of).collect(Collectors.toList());
    long start = System.nanoTime();
    Result result = build(roots, ParserConfiguration.LanguageLevel.JAVA_17, Set.of());
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println(
        result.stats() + " unparsable=" + result.unparsable().size() + " millis=" + millis);
  }

  private record Reach(EntryPointFinder.Found entry, ImmutableList<String> chain) {}

  /**
   * Parses the files on one thread per core (a JavaParser instance is not thread-safe), keeping
   * their order. No validation: javac validates the same sources right after, and a level's
   * validators cost a third of the parse. The grammar is the same for every level; only {@code
   * var}, which the levels' post-processing would turn into a VarType, is left as a plain name.
   */
  private static List<ParseResult<CompilationUnit>> parseAll(List<Path> files) {
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 4));
    List<ParseResult<CompilationUnit>> results = new ArrayList<>(files.size());
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
                  JavaParser parser =
                      new JavaParser(
                          new ParserConfiguration()
                              .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)
                              .setAttributeComments(false)
                              .setStoreTokens(false)
                              .setLexicalPreservationEnabled(false)
                              .setDetectOriginalLineSeparator(false));
                  for (int i = slice; i < files.size(); i += threads) {
                    try {
                      results.set(i, parser.parse(files.get(i)));
                    } catch (IOException e) {
                      throw new UncheckedIOException("Cannot read " + files.get(i), e);
                    }
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
    record Found(String kind, String route) {}

    private final SourceTypes types;
    private final ImmutableSet<String> custom;

    EntryPointFinder(SourceTypes types, Set<String> custom) {
      this.types = types;
      this.custom = ImmutableSet.copyOf(custom);
    }

    Optional<Found> find(SourceMethod method) {
      if (method.isStatic() || !(method.declaration instanceof MethodDeclaration)) {
        return Optional.empty();
      }
      for (AnnotationExpr annotation : method.declaration.getAnnotations()) {
        for (String name :
            SourceTypes.annotationCandidates(annotation.getNameAsString(), method.owner)) {
          if (custom.contains(name)) {
            return Optional.of(new Found("entry point @" + simple(name), ""));
          }
          for (EntryPoints.Family family : EntryPoints.FAMILIES) {
            if (family.annotations().contains(name)) {
              return Optional.of(new Found(family.kind(), route(method, annotation, name)));
            }
          }
        }
      }
      for (EntryPoints.Family family : EntryPoints.FAMILIES) {
        if (family.supertypes().isEmpty()) {
          continue;
        }
        boolean shapeFits =
            family.parameterType().isPresent()
                ? method.parameterTypes.stream()
                    .anyMatch(type -> type.equals(family.parameterType().get()))
                : family.methodNames().contains(method.name);
        if (shapeFits && isSubtypeOfAny(method.owner, family)) {
          return Optional.of(new Found(family.kind(), ""));
        }
      }
      return Optional.empty();
    }

    private boolean isSubtypeOfAny(SourceType type, EntryPoints.Family family) {
      for (String supertype : CallGraph.allSupertypeNames(type, types)) {
        if (family.supertypes().contains(supertype)
            // Generated gRPC bases (FooGrpc.FooImplBase) are BindableServices, rarely in source.
            || (family.parameterType().isPresent() && supertype.endsWith("ImplBase"))) {
          return true;
        }
      }
      return false;
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
