package io.oomguard.checker;

import static com.google.common.truth.Truth.assertThat;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case file under {@code test-cases/src/main/java} through all oomguard checks. Adding a
 * case is adding a file there.
 */
final class CorpusTest {
  @TestFactory
  Stream<DynamicTest> everyCaseFileHasExactlyItsMarkedFindings() {
    ImmutableList<Path> files = Corpus.caseFiles();
    assertThat(files).isNotEmpty();
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.toString(), () -> Corpus.check(Corpus.ROOT, file, ImmutableList.of())));
  }
}
