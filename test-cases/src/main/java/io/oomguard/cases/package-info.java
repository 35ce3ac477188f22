/**
 * The oomguard corpus: one package per check, realistic sources, expected findings marked on the
 * line above with {@code // BUG: Diagnostic contains: <CheckName>}.
 */
package io.oomguard.cases;
