package org.tributary.federation.signature;

/** The two HTTP signature formats the fediverse uses. */
public enum SignatureScheme {
    /** RFC 9421 HTTP Message Signatures ({@code Signature-Input} + {@code Signature}, Content-Digest). */
    RFC9421,
    /** draft-cavage-http-signatures-12 ({@code Signature} header, {@code Digest}). */
    CAVAGE
}
