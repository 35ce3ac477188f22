import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The field run's Maven side, called by field/run.sh:
 *
 * <pre>
 *   java field/Reactor.java fetch-poms PROJECT_DIR
 *   java field/Reactor.java generate PROJECT_DIR OOMGUARD_VERSION RELEASE
 *   java field/Reactor.java prune PROJECT_DIR MAVEN_LOG
 *   java field/Reactor.java version POM
 * </pre>
 *
 * <p>{@code fetch-poms} writes two throwaway POMs for the project's modules: {@code
 * PROJECT_DIR/fetch/pom.xml}, whose {@code dependency:copy} downloads every module's {@code
 * -sources} jar and POM to {@code PROJECT_DIR/download} in one Maven run, and {@code
 * PROJECT_DIR/poms/pom.xml}, an aggregator of the downloaded POMs (copied by run.sh to {@code
 * PROJECT_DIR/poms/<artifactId>/pom.xml}) whose {@code help:effective-pom} writes every module's
 * effective POM to {@code PROJECT_DIR/poms/effective.xml}, also in one run.
 *
 * <p>{@code generate} reads {@code PROJECT_DIR/modules.txt} (one published module a line: {@code
 * groupId:artifactId:version [extra compile-only groupId:artifactId:version ...]}) and each
 * module's effective POM (in {@code PROJECT_DIR/poms/effective.xml}), and writes a Maven reactor under {@code PROJECT_DIR/reactor}: an aggregator
 * POM and one module per artifact, with the artifact's own coordinates, so that a dependency of one
 * module on another resolves inside the reactor. Each module keeps its published dependencies
 * (less {@code test} and {@code system} ones; {@code runtime} ones become compile dependencies, since
 * Gradle publishes {@code implementation} dependencies that way), its dependency management and its
 * annotation processor path, and declares oomguard's Maven plugin as the README tells a user to,
 * with {@code failOnViolation} false so that every module is analyzed.
 *
 * <p>{@code prune} reads the log of a {@code mvn compile} of that reactor and moves every source
 * file javac reported an error in out of its module, to {@code PROJECT_DIR/excluded/<module>/},
 * appending {@code module<TAB>path<TAB>first error} to {@code PROJECT_DIR/excluded.tsv}. Exit
 * status 0 when it moved files, 3 when the log names no source file of the reactor (the failure is
 * something else: a dependency, a processor).
 *
 * <p>{@code version} prints the version of a POM (oomguard's own, for the plugin block).
 */
public final class Reactor {
  private static final String POM_NS = "http://maven.apache.org/POM/4.0.0";
  static final String COMPILER_PLUGIN_VERSION = "3.14.0";

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      usage();
    }
    switch (args[0]) {
      case "fetch-poms" -> {
        if (args.length != 2) usage();
        fetchPoms(Path.of(args[1]));
      }
      case "generate" -> {
        if (args.length != 4) usage();
        generate(Path.of(args[1]), args[2], args[3]);
      }
      case "prune" -> {
        if (args.length != 3) usage();
        System.exit(prune(Path.of(args[1]), Path.of(args[2])));
      }
      case "version" -> {
        if (args.length != 2) usage();
        Document pom = parse(Path.of(args[1]));
        System.out.println(text(child(pom.getDocumentElement(), "version")));
      }
      default -> usage();
    }
  }

  private static void usage() {
    System.err.println(
        "usage: Reactor fetch-poms PROJECT_DIR | generate PROJECT_DIR OOMGUARD_VERSION RELEASE | prune PROJECT_DIR LOG |"
            + " version POM");
    System.exit(2);
  }

  // ------------------------------------------------------------------ generate

  record Module(String groupId, String artifactId, String version, List<String> extras) {
    String ga() {
      return groupId + ":" + artifactId;
    }
  }

  static List<Module> modules(Path projectDir) throws IOException {
    List<Module> modules = new ArrayList<>();
    for (String line : Files.readAllLines(projectDir.resolve("modules.txt"))) {
      String[] words = line.trim().split("\\s+");
      if (words.length == 0 || words[0].isEmpty()) continue;
      String[] gav = words[0].split(":");
      if (gav.length != 3) throw new IllegalArgumentException("bad coordinate: " + words[0]);
      modules.add(
          new Module(gav[0], gav[1], gav[2], List.of(words).subList(1, words.length)));
    }
    return modules;
  }

  static void fetchPoms(Path projectDir) throws IOException {
    List<Module> modules = modules(projectDir);
    StringBuilder items = new StringBuilder();
    StringBuilder aggregated = new StringBuilder();
    for (Module m : modules) {
      for (String kind : List.of("<classifier>sources</classifier>", "<type>pom</type>")) {
        items.append("            <artifactItem><groupId>").append(m.groupId())
            .append("</groupId><artifactId>").append(m.artifactId()).append("</artifactId><version>")
            .append(m.version()).append("</version>").append(kind).append("</artifactItem>\n");
      }
      aggregated.append("    <module>").append(m.artifactId()).append("</module>\n");
    }
    String name = projectDir.getFileName().toString();
    Path fetch = projectDir.resolve("fetch");
    Files.createDirectories(fetch);
    Files.writeString(
        fetch.resolve("pom.xml"),
        header("field.fetch", "fetch-" + name, "1", "pom")
            + """
              <build>
                <plugins>
                  <plugin>
                    <groupId>org.apache.maven.plugins</groupId>
                    <artifactId>maven-dependency-plugin</artifactId>
                    <version>3.8.1</version>
                    <configuration>
                      <outputDirectory>%s</outputDirectory>
                      <artifactItems>
            %s          </artifactItems>
                    </configuration>
                  </plugin>
                </plugins>
              </build>
            </project>
            """
                .formatted(projectDir.resolve("download").toAbsolutePath(), items),
        StandardCharsets.UTF_8);
    Path poms = projectDir.resolve("poms");
    Files.createDirectories(poms);
    Files.writeString(
        poms.resolve("pom.xml"),
        header("field.poms", "poms-" + name, "1", "pom") + "  <modules>\n" + aggregated + "  </modules>\n</project>\n",
        StandardCharsets.UTF_8);
  }

  /**
   * The effective POMs by groupId:artifactId: help:effective-pom writes one, or several in
   * {@code <projects>}.
   */
  static Map<String, Element> effectivePoms(Path file) throws Exception {
    Element root = parse(file).getDocumentElement();
    List<Element> projects = root.getTagName().equals("projects") ? children(root, "project") : List.of(root);
    Map<String, Element> byCoordinate = new LinkedHashMap<>();
    for (Element project : projects) {
      String groupId = text(child(project, "groupId"));
      if (groupId == null) groupId = text(child(child(project, "parent"), "groupId"));
      byCoordinate.put(groupId + ":" + text(child(project, "artifactId")), project);
    }
    return byCoordinate;
  }

  static void generate(Path projectDir, String oomguardVersion, String release) throws Exception {
    List<Module> modules = modules(projectDir);
    Map<String, Element> effectivePoms = effectivePoms(projectDir.resolve("poms/effective.xml"));
    Map<String, Module> inReactor = new LinkedHashMap<>();
    for (Module module : modules) inReactor.put(module.ga(), module);
    Path reactor = projectDir.resolve("reactor");
    Files.createDirectories(reactor);

    StringBuilder root = new StringBuilder();
    root.append(header("field", "reactor-" + projectDir.getFileName().toString(), "1", "pom"));
    root.append("  <modules>\n");
    for (Module module : modules) {
      root.append("    <module>").append(module.artifactId()).append("</module>\n");
    }
    root.append("  </modules>\n</project>\n");
    Files.writeString(reactor.resolve("pom.xml"), root, StandardCharsets.UTF_8);

    for (Module module : modules) {
      Element project = effectivePoms.get(module.ga());
      if (project == null) {
        throw new IllegalStateException("no effective POM of " + module.artifactId() + " in poms/effective.xml");
      }
      StringBuilder pom = new StringBuilder();
      pom.append(header(module.groupId(), module.artifactId(), module.version(), "jar"));
      pom.append("  <properties>\n");
      pom.append("    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>\n");
      pom.append("    <maven.compiler.release>").append(release).append("</maven.compiler.release>\n");
      pom.append("  </properties>\n");

      Element management = child(child(project, "dependencyManagement"), "dependencies");
      if (management != null) {
        pom.append("  <dependencyManagement>\n    <dependencies>\n");
        for (Element dependency : children(management, "dependency")) {
          // Only versions are managed here: a managed scope would hide a dependency the published
          // build compiled against, and this reactor has no tests.
          removeChildren(dependency, "scope");
          pom.append(indent(serialize(dependency), "      "));
        }
        pom.append("    </dependencies>\n  </dependencyManagement>\n");
      }

      pom.append("  <dependencies>\n");
      Set<String> declared = new LinkedHashSet<>();
      Element dependencies = child(project, "dependencies");
      for (Element dependency : children(dependencies, "dependency")) {
        String scope = text(child(dependency, "scope"));
        String type = text(child(dependency, "type"));
        String classifier = text(child(dependency, "classifier"));
        if ("test".equals(scope) || "system".equals(scope) || "test-jar".equals(type)
            || "tests".equals(classifier)) {
          continue;
        }
        if ("runtime".equals(scope)) {
          removeChildren(dependency, "scope");
        }
        String ga = text(child(dependency, "groupId")) + ":" + text(child(dependency, "artifactId"));
        Module sibling = inReactor.get(ga);
        if (sibling != null) {
          if (sibling == module) continue;
          Element version = child(dependency, "version");
          if (version != null) version.setTextContent(sibling.version());
        }
        declared.add(ga);
        pom.append(indent(serialize(dependency), "    "));
      }
      for (String extra : module.extras()) {
        String[] gav = extra.split(":");
        if (gav.length != 3) throw new IllegalArgumentException("bad extra coordinate: " + extra);
        if (declared.add(gav[0] + ":" + gav[1])) {
          pom.append("    <dependency><groupId>").append(gav[0]).append("</groupId><artifactId>")
              .append(gav[1]).append("</artifactId><version>").append(gav[2])
              .append("</version><scope>provided</scope></dependency>\n");
        }
      }
      pom.append("  </dependencies>\n");

      pom.append("  <build>\n    <plugins>\n");
      pom.append("      <plugin>\n");
      pom.append("        <groupId>org.apache.maven.plugins</groupId>\n");
      pom.append("        <artifactId>maven-compiler-plugin</artifactId>\n");
      pom.append("        <version>").append(COMPILER_PLUGIN_VERSION).append("</version>\n");
      Element processors = compilerProcessorPaths(project);
      if (processors != null) {
        pom.append("        <configuration>\n");
        pom.append(indent(serialize(processors), "          "));
        pom.append("        </configuration>\n");
      }
      pom.append("      </plugin>\n");
      // The README's plugin block, with failOnViolation false so that every module is analyzed.
      pom.append(
          """
                <plugin>
                  <groupId>io.oomguard</groupId>
                  <artifactId>oomguard-maven-plugin</artifactId>
                  <version>%s</version>
                  <configuration>
                    <failOnViolation>false</failOnViolation>
                  </configuration>
                  <executions>
                    <execution>
                      <goals>
                        <goal>check</goal>
                      </goals>
                    </execution>
                  </executions>
                </plugin>
          """
              .formatted(oomguardVersion));
      pom.append("    </plugins>\n  </build>\n</project>\n");
      Path dir = reactor.resolve(module.artifactId());
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("pom.xml"), pom, StandardCharsets.UTF_8);
    }
  }

  private static String header(String groupId, String artifactId, String version, String packaging) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Generated by oomguard's field run (field/Reactor.java); not the project's own build. -->
        <project xmlns="http://maven.apache.org/POM/4.0.0"
                 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                 xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
          <modelVersion>4.0.0</modelVersion>
          <groupId>%s</groupId>
          <artifactId>%s</artifactId>
          <version>%s</version>
          <packaging>%s</packaging>
          <name>%s</name>
        """
        .formatted(groupId, artifactId, version, packaging, artifactId);
  }

  /** The annotation processor path of the published build's maven-compiler-plugin, if any. */
  private static Element compilerProcessorPaths(Element project) {
    Element plugins = child(child(project, "build"), "plugins");
    for (Element plugin : children(plugins, "plugin")) {
      if (!"maven-compiler-plugin".equals(text(child(plugin, "artifactId")))) continue;
      Element paths = child(child(plugin, "configuration"), "annotationProcessorPaths");
      if (paths != null && !children(paths, "path").isEmpty()) return paths;
    }
    return null;
  }

  // ------------------------------------------------------------------ prune

  private static final Pattern RECREATE =
      Pattern.compile("Attempt to recreate a file for type ([\\w.$]+)");
  private static final Pattern ERROR =
      Pattern.compile("^\\[ERROR\\] (/.+?\\.java):\\[(\\d+),(\\d+)\\] (.*)$");

  static int prune(Path projectDir, Path log) throws IOException {
    Path reactor = projectDir.resolve("reactor").toAbsolutePath().normalize();
    Map<Path, String> firstError = new LinkedHashMap<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      Matcher matcher = ERROR.matcher(line);
      if (!matcher.matches()) continue;
      Path file = Path.of(matcher.group(1)).toAbsolutePath().normalize();
      if (!file.startsWith(reactor) || !Files.isRegularFile(file)) continue;
      firstError.putIfAbsent(file, matcher.group(4));
    }
    // A source that an annotation processor of the build generated, shipped in the -sources jar:
    // the processor makes it again and javac refuses the second copy. The shipped copy goes, not the
    // file whose processing made the complaint.
    Map<Path, String> regenerated = new LinkedHashMap<>();
    for (Map.Entry<Path, String> entry : firstError.entrySet()) {
      Matcher matcher = RECREATE.matcher(entry.getValue());
      if (!matcher.find()) continue;
      String relative = matcher.group(1).replace('.', '/') + ".java";
      Path module = reactor.resolve(reactor.relativize(entry.getKey()).getName(0));
      Path generated = module.resolve("src/main/java").resolve(relative);
      if (Files.isRegularFile(generated)) {
        regenerated.put(generated, "generated by an annotation processor of the build, which makes it again: "
            + entry.getValue());
      }
    }
    if (!regenerated.isEmpty()) {
      firstError.clear();
      firstError.putAll(regenerated);
    }
    if (firstError.isEmpty()) return 3;
    StringBuilder tsv = new StringBuilder();
    for (Map.Entry<Path, String> entry : firstError.entrySet()) {
      Path relative = reactor.relativize(entry.getKey());
      String module = relative.getName(0).toString();
      Path sourceRoot = reactor.resolve(module).resolve("src/main/java");
      Path inRoot = sourceRoot.relativize(entry.getKey());
      Path target = projectDir.resolve("excluded").resolve(module).resolve(inRoot);
      Files.createDirectories(target.getParent());
      Files.move(entry.getKey(), target, StandardCopyOption.REPLACE_EXISTING);
      tsv.append(module).append('\t').append(inRoot.toString().replace('\\', '/')).append('\t')
          .append(entry.getValue().replace('\t', ' ')).append('\n');
    }
    Files.writeString(
        projectDir.resolve("excluded.tsv"),
        tsv,
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    System.out.println(firstError.size());
    return 0;
  }

  // ------------------------------------------------------------------ XML

  static Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(false);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  static Element child(Element parent, String name) {
    if (parent == null) return null;
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && name.equals(element.getTagName())) return element;
    }
    return null;
  }

  static List<Element> children(Element parent, String name) {
    List<Element> list = new ArrayList<>();
    if (parent == null) return list;
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && name.equals(element.getTagName())) list.add(element);
    }
    return list;
  }

  static String text(Element element) {
    return element == null ? null : element.getTextContent().trim();
  }

  private static void removeChildren(Element parent, String name) {
    for (Element element : children(parent, name)) parent.removeChild(element);
  }

  /** The element as compact XML: no comments, no white-space-only text, one line. */
  private static String serialize(Element element) throws Exception {
    Element copy = (Element) element.cloneNode(true);
    strip(copy);
    StringWriter out = new StringWriter();
    var transformer = TransformerFactory.newInstance().newTransformer();
    transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
    transformer.setOutputProperty(OutputKeys.INDENT, "no");
    transformer.transform(new DOMSource(copy), new StreamResult(out));
    // The effective POM's elements carry the POM namespace; the generated POM declares it once.
    return out.toString().replace(" xmlns=\"" + POM_NS + "\"", "") + "\n";
  }

  private static void strip(Node node) {
    for (Node child = node.getFirstChild(); child != null; ) {
      Node next = child.getNextSibling();
      if (child.getNodeType() == Node.COMMENT_NODE
          || (child.getNodeType() == Node.TEXT_NODE && child.getTextContent().isBlank())) {
        node.removeChild(child);
      } else {
        strip(child);
      }
      child = next;
    }
    if (node instanceof Element element) {
      element.removeAttribute("xmlns");
    }
  }

  private static String indent(String text, String prefix) {
    return prefix + text;
  }
}
