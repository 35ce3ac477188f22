import java.io.StringWriter;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * bench/run.sh's helper for a library's compile classpath: reads the library's effective pom
 * ({@code help:effective-pom}: parents merged, versions managed) and prints a throwaway pom that
 * declares its dependencies directly, less the {@code test} and {@code system} ones, plus the
 * compile-only coordinates given (group:artifact:version). {@code dependency:build-classpath} on
 * that pom gives the classpath the library was built with: {@code provided} and {@code optional}
 * dependencies included (a consumer of the library would not get those), test dependencies left out
 * because some were never published.
 *
 * <pre>
 * java bench/ClasspathPom.java NAME EFFECTIVE-POM [GROUP:ARTIFACT:VERSION...]
 * </pre>
 */
public final class ClasspathPom {
  private ClasspathPom() {}

  public static void main(String[] args) throws Exception {
    Element project =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(Path.of(args[1]).toFile())
            .getDocumentElement();
    StringBuilder pom = new StringBuilder();
    pom.append("<project xmlns=\"http://maven.apache.org/POM/4.0.0\">")
        .append("<modelVersion>4.0.0</modelVersion>\n")
        .append("<groupId>bench.libs</groupId><artifactId>")
        .append(args[0])
        .append("</artifactId><version>1</version><packaging>pom</packaging>\n<dependencies>\n");
    // Only the project's own <dependencies>, not those of <dependencyManagement> or of plugins.
    Element dependencies = child(project, "dependencies");
    Transformer serializer = TransformerFactory.newInstance().newTransformer();
    serializer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
    for (Node node = dependencies == null ? null : dependencies.getFirstChild();
        node != null;
        node = node.getNextSibling()) {
      if (node instanceof Element dependency) {
        String scope = text(dependency, "scope");
        if (!scope.equals("test") && !scope.equals("system")) {
          // As declared (scope, exclusions, classifier): the classpath the library was built with.
          StringWriter declared = new StringWriter();
          serializer.transform(new DOMSource(dependency), new StreamResult(declared));
          pom.append(declared).append('\n');
        }
      }
    }
    for (int i = 2; i < args.length; i++) {
      String[] coordinate = args[i].split(":");
      pom.append("<dependency><groupId>")
          .append(coordinate[0])
          .append("</groupId><artifactId>")
          .append(coordinate[1])
          .append("</artifactId><version>")
          .append(coordinate[2])
          .append("</version></dependency>\n");
    }
    System.out.print(pom.append("</dependencies></project>\n"));
  }

  private static Element child(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return element;
      }
    }
    return null;
  }

  private static String text(Element parent, String name) {
    Element child = child(parent, name);
    return child == null ? "" : child.getTextContent().trim();
  }
}
