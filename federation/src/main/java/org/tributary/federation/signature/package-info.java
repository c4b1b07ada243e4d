/**
 * HTTP message signatures as the fediverse uses them: draft-cavage-http-signatures-12 and RFC 9421,
 * with RSA (RSASSA-PKCS1-v1_5, SHA-256) and Ed25519 keys, plus the body digests they rely on
 * ({@code Digest}, RFC 3230 form; {@code Content-Digest}, RFC 9530) and the key encodings actors
 * publish (SPKI PEM, FEP-521a Multikey).
 *
 * <p>{@link org.tributary.federation.signature.HttpSignatures} is the entry point: it signs outgoing
 * requests and verifies incoming ones, answering with sealed result types that carry a stable
 * {@link org.tributary.federation.FederationError}. The other package-private classes each hold one
 * primitive (signing string, signature base, structured-field parsing, one signature algorithm), so
 * that each can be tested on the published vectors on its own.
 */
package org.tributary.federation.signature;
