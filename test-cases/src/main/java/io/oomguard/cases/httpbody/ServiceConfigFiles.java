package io.oomguard.cases.httpbody;

import jakarta.servlet.ServletContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;

/**
 * {@code META-INF/services} files and other class-path resources read whole, as servlet containers
 * and plugin loaders do (Tomcat's {@code WebappServiceLoader}). A {@code URL} that the code visibly
 * got from a class loader, a class or the servlet context points at a jar or a directory, not at an
 * HTTP body: quiet, also when it reaches the read through a helper's parameter, a local variable or
 * a loop over an enumeration. A {@code URL} whose origin the code does not show stays reported.
 */
public final class ServiceConfigFiles {
  private static final String SERVICES = "META-INF/services/";

  private ServiceConfigFiles() {}

  /** Tomcat's shape: every caller of {@code parseConfigFile} passes a class-path resource. */
  static final class ServiceLoaderLike {
    private final ServletContext servletContext;
    private final ClassLoader parent;

    ServiceLoaderLike(ServletContext servletContext, ClassLoader parent) {
      this.servletContext = servletContext;
      this.parent = parent;
    }

    LinkedHashSet<String> load(Class<?> serviceType, List<String> orderedLibs) throws IOException {
      String configFile = SERVICES + serviceType.getName();
      Enumeration<URL> containerResources;
      if (parent == null) {
        containerResources = ClassLoader.getSystemResources(configFile);
      } else {
        containerResources = parent.getResources(configFile);
      }
      LinkedHashSet<String> names = new LinkedHashSet<>();
      while (containerResources.hasMoreElements()) {
        URL containerFile = containerResources.nextElement();
        parseConfigFile(names, containerFile);
      }
      if (orderedLibs == null) {
        for (URL appFile :
            Collections.list(servletContext.getClassLoader().getResources(configFile))) {
          parseConfigFile(names, appFile);
        }
        return names;
      }
      URL unpacked = servletContext.getResource("/WEB-INF/classes/" + configFile);
      if (unpacked != null) {
        parseConfigFile(names, unpacked);
      }
      for (String lib : orderedLibs) {
        URL jarUrl = servletContext.getResource("/WEB-INF/lib/" + lib);
        if (jarUrl == null) {
          continue;
        }
        String base = jarUrl.toExternalForm();
        URL url;
        if (base.endsWith("/")) {
          try {
            url = new URI(base + configFile).toURL();
          } catch (URISyntaxException e) {
            throw new IOException(e);
          }
        } else {
          url = new URL("jar:" + base + "!/" + configFile);
        }
        parseConfigFile(names, url);
      }
      return names;
    }

    void parseConfigFile(LinkedHashSet<String> servicesFound, URL url) throws IOException {
      try (InputStream is = url.openStream();
          InputStreamReader in = new InputStreamReader(is, StandardCharsets.UTF_8);
          BufferedReader reader = new BufferedReader(in)) {
        String line;
        while ((line = reader.readLine()) != null) {
          int i = line.indexOf('#');
          line = (i >= 0 ? line.substring(0, i) : line).trim();
          if (!line.isEmpty()) {
            servicesFound.add(line);
          }
        }
      }
    }
  }

  /** Plugin descriptors found on the class path, read in the loop that finds them. */
  static final class PluginRegistry {
    List<Properties> descriptors(ClassLoader loader) throws IOException {
      List<Properties> found = new ArrayList<>();
      Enumeration<URL> urls = loader.getResources("META-INF/plugin.properties");
      while (urls.hasMoreElements()) {
        URL descriptor = urls.nextElement();
        try (InputStream in = descriptor.openStream()) {
          Properties properties = new Properties();
          properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
          found.add(properties);
        }
      }
      return found;
    }

    String licence() throws IOException {
      URL licence = PluginRegistry.class.getResource("/LICENSE.txt");
      try (InputStream in = licence.openStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }

    List<String> systemIndex() throws IOException {
      List<String> lines = new ArrayList<>();
      for (URL index : Collections.list(ClassLoader.getSystemResources("META-INF/jandex.idx"))) {
        try (BufferedReader reader =
            new BufferedReader(new InputStreamReader(index.openStream(), StandardCharsets.UTF_8))) {
          lines.addAll(reader.lines().toList());
        }
      }
      return lines;
    }

    List<String> manifest() throws IOException {
      return readLines(ClassLoader.getSystemResource("META-INF/MANIFEST.MF"));
    }

    private static List<String> readLines(URL url) throws IOException {
      List<String> lines = new ArrayList<>();
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          lines.add(line);
        }
      }
      return lines;
    }
  }

  /** URLs the code does not show the origin of: a public helper nobody in the file calls. */
  public static final class RemoteDescriptors {
    public byte[] fetch(URL descriptor) throws IOException {
      try (InputStream in = descriptor.openStream()) {
        // BUG: Diagnostic contains: reads the whole body of `URL.openStream()`
        return in.readAllBytes();
      }
    }

    /** One caller passes a class-path resource, the other a URL made from configuration. */
    List<String> merged(ClassLoader loader, String updateSite) throws IOException {
      List<String> lines = new ArrayList<>(linesOf(loader.getResource("defaults.list")));
      lines.addAll(linesOf(new URL(updateSite)));
      return lines;
    }

    private static List<String> linesOf(URL url) throws IOException {
      List<String> lines = new ArrayList<>();
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
        String line;
        // BUG: Diagnostic contains: UnboundedHttpBodyRead
        while ((line = reader.readLine()) != null) {
          lines.add(line);
        }
      }
      return lines;
    }
  }
}
