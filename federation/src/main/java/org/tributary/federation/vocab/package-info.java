/**
 * The ActivityStreams 2.0 vocabulary as it travels between nodes: wire records ({@link
 * org.tributary.federation.vocab.Actor}, {@link org.tributary.federation.vocab.Note}, {@link
 * org.tributary.federation.vocab.Activity}, collections), the JSON codec that reads and writes them
 * ({@link org.tributary.federation.vocab.VocabCodec}), a parser that is safe on hostile input
 * ({@link org.tributary.federation.vocab.BoundedJsonReader}) and the JSON-LD context documents we
 * bundle ({@link org.tributary.federation.vocab.Contexts}).
 *
 * <p>Two rules shape everything here. First, nothing a peer sends is lost: every property a record
 * does not model is kept in its {@code extensions} object and written back out. Second, bad input
 * never escapes as anything but a {@link org.tributary.federation.vocab.VocabException} carrying a
 * {@link org.tributary.federation.FederationError} code.
 */
package org.tributary.federation.vocab;
