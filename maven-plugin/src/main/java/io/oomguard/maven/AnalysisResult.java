package io.oomguard.maven;

import io.oomguard.maven.fork.ForkResults;
import java.util.List;

/**
 * What an analysis produced.
 *
 * @param findings every finding in the reported sources, suppressed ones included (see {@link
 *     Finding#suppressed()})
 * @param compileErrors compiler errors; when there are any, the findings are incomplete
 * @param sourceFiles how many source files were compiled
 * @param passes the fork's compiler passes, for the debug log
 * @param reused whether these are the results of the module's last analysis, reused because nothing
 *     it depends on changed since ({@link AnalysisInputs})
 */
public record AnalysisResult(
    List<Finding> findings,
    List<ForkResults.CompileError> compileErrors,
    int sourceFiles,
    List<ForkResults.Pass> passes,
    boolean reused) {

  public AnalysisResult {
    findings = List.copyOf(findings);
    compileErrors = List.copyOf(compileErrors);
    passes = List.copyOf(passes);
  }

  /** The findings no annotation suppresses. */
  public List<Finding> unsuppressed() {
    return findings.stream().filter(finding -> !finding.suppressed()).toList();
  }
}
