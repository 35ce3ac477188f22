/**
 * Where network bodies come from and what bounds a read of one.
 *
 * <p>{@link io.oomguard.checker.streams.BodyReadSources} traces a stream, reader, entity or URL
 * back to its origin (a network body, a limiting wrapper, a local resource) through locals, fields,
 * wrappers and same-file helper methods; {@link io.oomguard.checker.streams.WholeBodyReads} knows
 * the calls that materialize a whole body; {@link io.oomguard.checker.streams.ContentLengthGuards}
 * and {@link io.oomguard.checker.streams.InMemoryBuffers} recognize the bounds that make such a
 * read safe.
 */
package io.oomguard.checker.streams;
