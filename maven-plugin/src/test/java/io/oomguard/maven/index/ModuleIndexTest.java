package io.oomguard.maven.index;

import static com.google.common.truth.Truth.assertThat;

import io.oomguard.checker.hotpath.HotMethodIndex;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolution of call edges on a small Spring-like module (src/test/resources/index/shop). */
final class ModuleIndexTest {
  private static final Path SHOP = Paths.get("src/test/resources/index/shop/src");
  private static ModuleIndex.Result result;

  @BeforeAll
  static void build() {
    result = ModuleIndex.build(List.of(SHOP), Set.of());
  }

  private static HotMethodIndex.Entry entry(String key) {
    return result.index().get(key);
  }

  @Test
  void constructorInjectedField_callReachesTheServiceWithTheChain() {
    HotMethodIndex.Entry lookup = entry("shop.CatalogService#lookup(String)");
    assertThat(lookup).isNotNull();
    assertThat(lookup.kind()).isEqualTo("request handler");
    assertThat(lookup.route()).isEqualTo("GET /api/orders");
    assertThat(lookup.chain())
        .containsExactly("OrderController.list", "CatalogService.lookup")
        .inOrder();
  }

  @Test
  void privateHelperOfAReachedMethod_isReachedThroughIt() {
    assertThat(entry("shop.CatalogService#index()").chain())
        .containsExactly("OrderController.list", "CatalogService.lookup", "CatalogService.index")
        .inOrder();
  }

  @Test
  void overloadWithOtherParameterType_notReached() {
    assertThat(entry("shop.CatalogService#lookup(int)")).isNull();
  }

  @Test
  void interfaceWithSeveralImplementations_reachesEach() {
    assertThat(entry("shop.FlatPrice#price(int)")).isNotNull();
    assertThat(entry("shop.TieredPrice#price(int)")).isNotNull();
    assertThat(entry("shop.TieredPrice#discount(long)").chain())
        .containsExactly("OrderController.list", "TieredPrice.price", "TieredPrice.discount")
        .inOrder();
  }

  @Test
  void genericInterfaceWithOneImplementation_reachesIt() {
    assertThat(entry("shop.OrderRepository#findAll()")).isNotNull();
    assertThat(entry("shop.OrderRepository#findOne(String)")).isNull();
  }

  @Test
  void staticImport_methodReference_andLambda_areFollowed() {
    assertThat(entry("shop.Formats#render(String)")).isNotNull();
    assertThat(entry("shop.AuditLog#record(String)")).isNotNull();
    assertThat(entry("shop.Notifier#send()")).isNotNull();
  }

  @Test
  void startUpOnlyMethods_notHot() {
    assertThat(entry("shop.CatalogService#preload()")).isNull();
    assertThat(entry("shop.CatalogService#warm()")).isNull();
    assertThat(entry("shop.Startup#main(String[])")).isNull();
  }

  @Test
  void entryPointsThemselves_leftToTheChecker() {
    assertThat(entry("shop.OrderController#list(List)")).isNull();
    assertThat(result.stats().entryPoints()).isEqualTo(1);
    assertThat(result.unparsable()).isEmpty();
  }

  @Test
  void serverFamilies_wildcardImportsAndRequestObjects_areEntryPoints() {
    ModuleIndex.Result servers =
        ModuleIndex.build(List.of(Paths.get("src/test/resources/index/servers/src")), Set.of());

    // import io.netty.channel.*; : the handler's supertype resolves through the on-demand import.
    assertThat(servers.index().get("servers.FrameCodec#decode(Object)").chain())
        .containsExactly("FrameHandler.channelRead0", "FrameCodec.decode")
        .inOrder();
    assertThat(servers.index().get("servers.FrameCodec#reset()")).isNull();
    // A method taking a ServerWebExchange, imported on demand, runs per request.
    assertThat(servers.index().get("servers.Backoff#delay(int)").kind())
        .isEqualTo("method handling a request");
    assertThat(servers.index().get("servers.Backoff#schedule()")).isNull();
    // A Thrift service implementation: its generated Iface, with an import from Thrift.
    assertThat(servers.index().get("servers.Arithmetic#sum(int,int)").kind())
        .isEqualTo("Thrift service method");
    assertThat(servers.index().get("servers.Audit#record(String)").kind())
        .isEqualTo("handler interceptor");
    assertThat(servers.unparsable()).isEmpty();
  }

  @Test
  void main_writesTheIndexAndSummarizesIt(@TempDir Path dir) {
    Path out = dir.resolve("hot-methods.tsv");
    ByteArrayOutputStream printed = new ByteArrayOutputStream(256);

    int status =
        ModuleIndex.run(
            new String[] {"--out", out.toString(), SHOP.toString()},
            new PrintStream(printed, true, StandardCharsets.UTF_8),
            System.err);

    assertThat(status).isEqualTo(0);
    assertThat(HotMethodIndex.read(out).get("shop.CatalogService#lookup(String)")).isNotNull();
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("1 entry points");
  }

  @Test
  void main_badArguments_exitTwoWithUsage() {
    ByteArrayOutputStream errors = new ByteArrayOutputStream(256);
    PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);

    assertThat(ModuleIndex.run(new String[] {SHOP.toString()}, System.out, err)).isEqualTo(2);
    assertThat(
            ModuleIndex.run(
                new String[] {"--out", "x", "--level", "JAVA_99", "src"}, System.out, err))
        .isEqualTo(2);
    assertThat(ModuleIndex.run(new String[] {"--out", "x", "--bogus", "src"}, System.out, err))
        .isEqualTo(2);
    assertThat(
            ModuleIndex.run(
                new String[] {"--out", "x", "--encoding", "NO-SUCH-CHARSET", "src"},
                System.out,
                err))
        .isEqualTo(2);
    assertThat(errors.toString(StandardCharsets.UTF_8)).contains("unknown option --bogus");
    assertThat(errors.toString(StandardCharsets.UTF_8)).contains("usage: ModuleIndex --out FILE");
  }

  @Test
  void sourcesInTheModulesEncoding_namesReadAsJavacReadsThem(@TempDir Path dir) throws Exception {
    Path pkg = Files.createDirectories(dir.resolve("src/shop"));
    Files.writeString(
        pkg.resolve("Handler.java"),
        "package shop;\n"
            + "class Handler {\n"
            + "  @io.oomguard.annotations.HotPath void handle() { new Sizes().gr\u00f6\u00dfe(); }\n"
            + "}\n",
        StandardCharsets.ISO_8859_1);
    Files.writeString(
        pkg.resolve("Sizes.java"),
        "package shop;\n// \u00e9t\u00e9\nclass Sizes { void gr\u00f6\u00dfe() {} }\n",
        StandardCharsets.ISO_8859_1);

    ModuleIndex.Result latin1 =
        ModuleIndex.build(List.of(dir.resolve("src")), StandardCharsets.ISO_8859_1, Set.of());

    assertThat(latin1.index().get("shop.Sizes#gr\u00f6\u00dfe()")).isNotNull();
  }
}
