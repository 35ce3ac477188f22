package io.oomguard.checker.hotpath;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class HotMethodIndexTest {
  @Test
  void key_usesBinaryClassNameAndSimpleErasedParameterNames() {
    assertThat(
            HotMethodIndex.key(
                "com.acme.Outer$Inner", "lookup", ImmutableList.of("String", "List", "int[]")))
        .isEqualTo("com.acme.Outer$Inner#lookup(String,List,int[])");
  }

  @Test
  void writeThenRead_roundTrips(@TempDir Path dir) throws IOException {
    HotMethodIndex.Entry entry =
        new HotMethodIndex.Entry(
            "request handler", "", ImmutableList.of("A.list", "B.lookup", "C.find"));
    Path file = dir.resolve("index.tsv");
    HotMethodIndex.of(ImmutableMap.of("com.acme.C#find()", entry)).write(file);

    HotMethodIndex read = HotMethodIndex.read(file);

    assertThat(read.entries()).containsExactly("com.acme.C#find()", entry);
    assertThat(read.get("com.acme.C#other()")).isNull();
  }

  @Test
  void read_malformedLine_namesFileAndLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("index.tsv");
    Files.writeString(
        file, HotMethodIndex.HEADER + "\ncom.acme.C#find()\tonly two\n", StandardCharsets.UTF_8);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> HotMethodIndex.read(file));

    assertThat(e).hasMessageThat().contains(file + ":2: expected 4 tab-separated fields");
  }

  @Test
  void read_missingHeader_rejected(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("index.tsv");
    Files.writeString(file, "something else\n", StandardCharsets.UTF_8);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> HotMethodIndex.read(file));

    assertThat(e).hasMessageThat().contains("not an oomguard hot-method index");
  }
}
