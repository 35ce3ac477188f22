/**
 * Annotations that user code compiles against to talk to oomguard: {@link
 * io.oomguard.annotations.OomSafe} records why a flagged shape is safe, {@link
 * io.oomguard.annotations.HotPath} marks a custom per-request entry point.
 */
package io.oomguard.annotations;
