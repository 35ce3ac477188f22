package io.oomguard.maven.fork;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

final class SourceTextTest {
  @Test
  void linesAndColumns_countUtf16UnitsAndEveryLineBreakStyle() {
    String content = "class A {\r\n\tint x;\n  int y;\rint z; }";
    SourceText text = SourceText.of(content);

    int tabbed = content.indexOf("int x");
    assertThat(text.line(tabbed)).isEqualTo(2);
    assertThat(text.column(tabbed)).isEqualTo(2); // the tab counts one, as in SARIF
    int old = content.indexOf("int z");
    assertThat(text.line(old)).isEqualTo(4);
    assertThat(text.column(old)).isEqualTo(1);
    assertThat(text.lineText(1)).isEqualTo("class A {");
    assertThat(text.lineText(2)).isEqualTo("\tint x;");
    assertThat(text.lineText(4)).isEqualTo("int z; }");
  }

  @Test
  void offsetAtEndOfFile_isOnTheLastLine() {
    SourceText text = SourceText.of("a\nbc");

    assertThat(text.line(4)).isEqualTo(2);
    assertThat(text.column(4)).isEqualTo(3);
  }
}
