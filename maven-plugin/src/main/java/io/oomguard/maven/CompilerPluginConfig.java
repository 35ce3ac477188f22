package io.oomguard.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * A module's {@code maven-compiler-plugin} configuration, read the way that plugin reads it: a
 * configured value, else its user property ({@code maven.compiler.release}, ...).
 *
 * @param release {@code <release>}, or {@code null}
 * @param source {@code <source>}, or {@code null}
 * @param target {@code <target>}, or {@code null}
 * @param encoding {@code <encoding>}, else {@code project.build.sourceEncoding}, or {@code null}
 * @param proc {@code <proc>} ({@code none}, {@code only}, {@code full}), or {@code null}
 * @param processorPaths the {@code <annotationProcessorPaths>} entries
 * @param processors the {@code <annotationProcessors>} class names
 * @param compilerArgs {@code <compilerArgs>}, then the words of {@code <compilerArgument>}
 * @param enablePreview {@code <enablePreview>}
 */
public record CompilerPluginConfig(
    String release,
    String source,
    String target,
    String encoding,
    String proc,
    List<Coordinates> processorPaths,
    List<String> processors,
    List<String> compilerArgs,
    boolean enablePreview) {

  /** The compiler plugin's key in a project's build plugins. */
  public static final String PLUGIN_KEY = "org.apache.maven.plugins:maven-compiler-plugin";

  public CompilerPluginConfig {
    processorPaths = List.copyOf(processorPaths);
    processors = List.copyOf(processors);
    compilerArgs = List.copyOf(compilerArgs);
  }

  /**
   * One {@code annotationProcessorPaths} entry.
   *
   * @param groupId the group
   * @param artifactId the artifact
   * @param version the version, or {@code null} to take it from dependency management
   * @param classifier the classifier, or {@code null}
   * @param type the type ({@code jar} unless given)
   * @param exclusions {@code groupId:artifactId} patterns excluded from its dependencies
   */
  public record Coordinates(
      String groupId,
      String artifactId,
      String version,
      String classifier,
      String type,
      List<String> exclusions) {
    public Coordinates {
      exclusions = List.copyOf(exclusions);
    }

    /** {@code groupId:artifactId}. */
    public String key() {
      return groupId + ":" + artifactId;
    }
  }

  /**
   * Reads a merged compiler configuration.
   *
   * @param config the plugin's {@code <configuration>} with the execution's merged in; may be null
   * @param properties looks up a user or project property; returns null when unset
   */
  public static CompilerPluginConfig parse(Xpp3Dom config, Function<String, String> properties) {
    List<Coordinates> paths = new ArrayList<>();
    Xpp3Dom pathsElement = child(config, "annotationProcessorPaths");
    if (pathsElement != null) {
      for (Xpp3Dom path : pathsElement.getChildren()) {
        Xpp3Dom exclusionsElement = path.getChild("exclusions");
        List<String> exclusions =
            new ArrayList<>(exclusionsElement == null ? 0 : exclusionsElement.getChildCount());
        if (exclusionsElement != null) {
          for (Xpp3Dom exclusion : exclusionsElement.getChildren()) {
            exclusions.add(text(exclusion, "groupId") + ":" + text(exclusion, "artifactId"));
          }
        }
        String type = text(path, "type");
        paths.add(
            new Coordinates(
                text(path, "groupId"),
                text(path, "artifactId"),
                text(path, "version"),
                text(path, "classifier"),
                type == null ? "jar" : type,
                exclusions));
      }
    }
    List<String> processors = new ArrayList<>();
    Xpp3Dom processorsElement = child(config, "annotationProcessors");
    if (processorsElement != null) {
      for (Xpp3Dom processor : processorsElement.getChildren()) {
        if (processor.getValue() != null && !processor.getValue().isBlank()) {
          processors.add(processor.getValue().trim());
        }
      }
    }
    List<String> args = new ArrayList<>();
    Xpp3Dom argsElement = child(config, "compilerArgs");
    if (argsElement != null) {
      for (Xpp3Dom arg : argsElement.getChildren()) {
        if (arg.getValue() != null && !arg.getValue().isBlank()) {
          args.add(arg.getValue().trim());
        }
      }
    }
    String single = value(config, "compilerArgument", properties, null);
    if (single != null) {
      args.addAll(List.of(single.trim().split("\\s+")));
    }
    String encoding = value(config, "encoding", properties, "project.build.sourceEncoding");
    return new CompilerPluginConfig(
        value(config, "release", properties, "maven.compiler.release"),
        value(config, "source", properties, "maven.compiler.source"),
        value(config, "target", properties, "maven.compiler.target"),
        encoding,
        lower(value(config, "proc", properties, "maven.compiler.proc")),
        paths,
        processors,
        args,
        Boolean.parseBoolean(
            value(config, "enablePreview", properties, "maven.compiler.enablePreview")));
  }

  private static String value(
      Xpp3Dom config, String name, Function<String, String> properties, String property) {
    Xpp3Dom element = child(config, name);
    if (element != null && element.getValue() != null && !element.getValue().isBlank()) {
      return element.getValue().trim();
    }
    return property == null ? null : properties.apply(property);
  }

  private static Xpp3Dom child(Xpp3Dom config, String name) {
    return config == null ? null : config.getChild(name);
  }

  private static String text(Xpp3Dom parent, String name) {
    Xpp3Dom child = parent.getChild(name);
    return child == null || child.getValue() == null || child.getValue().isBlank()
        ? null
        : child.getValue().trim();
  }

  private static String lower(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }
}
