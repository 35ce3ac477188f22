package io.oomguard.maven;

import static com.google.common.truth.Truth.assertThat;

import java.io.StringReader;
import java.util.Map;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

final class CompilerPluginConfigTest {
  @Test
  void fullConfiguration_readAsTheCompilerPluginReadsIt() throws Exception {
    CompilerPluginConfig config =
        CompilerPluginConfig.parse(
            xml(
                "<configuration>"
                    + "<release>21</release>"
                    + "<encoding>ISO-8859-1</encoding>"
                    + "<proc>FULL</proc>"
                    + "<annotationProcessorPaths>"
                    + "<path><groupId>org.mapstruct</groupId><artifactId>mapstruct-processor</artifactId>"
                    + "<version>1.6.3</version></path>"
                    + "<path><groupId>org.projectlombok</groupId><artifactId>lombok</artifactId>"
                    + "<exclusions><exclusion><groupId>x</groupId><artifactId>y</artifactId></exclusion>"
                    + "</exclusions></path>"
                    + "</annotationProcessorPaths>"
                    + "<annotationProcessors><processor>a.B</processor></annotationProcessors>"
                    + "<compilerArgs><arg>-Afoo=bar</arg><arg>-Xlint:all</arg></compilerArgs>"
                    + "<enablePreview>true</enablePreview>"
                    + "</configuration>"),
            Map.of("maven.compiler.release", "17")::get);

    assertThat(config.release()).isEqualTo("21");
    assertThat(config.encoding()).isEqualTo("ISO-8859-1");
    assertThat(config.proc()).isEqualTo("full");
    assertThat(config.processorPaths()).hasSize(2);
    CompilerPluginConfig.Coordinates mapstruct = config.processorPaths().get(0);
    assertThat(mapstruct.key()).isEqualTo("org.mapstruct:mapstruct-processor");
    assertThat(mapstruct.version()).isEqualTo("1.6.3");
    assertThat(mapstruct.type()).isEqualTo("jar");
    CompilerPluginConfig.Coordinates lombok = config.processorPaths().get(1);
    assertThat(lombok.version()).isNull();
    assertThat(lombok.exclusions()).containsExactly("x:y");
    assertThat(config.processors()).containsExactly("a.B");
    assertThat(config.compilerArgs()).containsExactly("-Afoo=bar", "-Xlint:all").inOrder();
    assertThat(config.enablePreview()).isTrue();
  }

  @Test
  void nothingConfigured_fallsBackToTheCompilerPluginsProperties() {
    CompilerPluginConfig config =
        CompilerPluginConfig.parse(
            null,
            Map.of(
                    "maven.compiler.source", "17",
                    "maven.compiler.target", "17",
                    "project.build.sourceEncoding", "UTF-8",
                    "maven.compiler.proc", "none")
                ::get);

    assertThat(config.release()).isNull();
    assertThat(config.source()).isEqualTo("17");
    assertThat(config.target()).isEqualTo("17");
    assertThat(config.encoding()).isEqualTo("UTF-8");
    assertThat(config.proc()).isEqualTo("none");
    assertThat(config.processorPaths()).isEmpty();
    assertThat(config.enablePreview()).isFalse();
  }

  @Test
  void compilerArgument_splitIntoWords() throws Exception {
    CompilerPluginConfig config =
        CompilerPluginConfig.parse(
            xml("<configuration><compilerArgument>-Aa=1  -Ab=2</compilerArgument></configuration>"),
            name -> null);

    assertThat(config.compilerArgs()).containsExactly("-Aa=1", "-Ab=2").inOrder();
  }

  private static Xpp3Dom xml(String text) throws Exception {
    return Xpp3DomBuilder.build(new StringReader(text));
  }
}
