package org.tributary.federation.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DigestsTest {
    /** RFC 9530 Appendix D's body and its published digests. */
    private static final byte[] HELLO = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);
    private static final String SHA256 = "X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=";
    private static final String SHA512 = "WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==";

    @Test
    void headerValuesForTheRfcExampleBody() {
        assertEquals(SHA256, Digests.sha256Base64(HELLO));
        assertEquals("SHA-256=" + SHA256, Digests.digestHeader(HELLO));
        assertEquals("sha-256=:" + SHA256 + ":", Digests.contentDigestHeader(HELLO));
    }

    @Test
    void digestHeaderAcceptsSeveralAlgorithmsInAnyCase() {
        assertInstanceOf(Digests.DigestCheck.Matches.class,
                Digests.checkDigestHeader("unknown=abc, sha-512=" + SHA512 + ", Sha-256=" + SHA256, HELLO));
    }

    @Test
    void digestHeaderNeedsSha256() {
        assertInstanceOf(Digests.DigestCheck.Missing.class, Digests.checkDigestHeader("SHA-512=" + SHA512, HELLO));
        assertInstanceOf(Digests.DigestCheck.Missing.class, Digests.checkDigestHeader("", HELLO));
        assertInstanceOf(Digests.DigestCheck.Missing.class, Digests.checkDigestHeader(null, HELLO));
    }

    @Test
    void digestHeaderMismatchOnOtherBytes() {
        assertInstanceOf(Digests.DigestCheck.Mismatch.class,
                Digests.checkDigestHeader("SHA-256=" + SHA256, "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8)));
        assertInstanceOf(Digests.DigestCheck.Mismatch.class, Digests.checkDigestHeader("SHA-256=%%%", HELLO));
        assertInstanceOf(Digests.DigestCheck.Mismatch.class,
                Digests.checkDigestHeader("SHA-256=" + SHA256 + ",SHA-512=" + SHA256, HELLO));
    }

    @Test
    void contentDigestIsAStructuredDictionary() {
        assertInstanceOf(Digests.DigestCheck.Matches.class,
                Digests.checkContentDigestHeader("sha-512=:" + SHA512 + ":, sha-256=:" + SHA256 + ":, md5=:AAAA:", HELLO));
        assertInstanceOf(Digests.DigestCheck.Missing.class,
                Digests.checkContentDigestHeader("sha-512=:" + SHA512 + ":", HELLO));
        assertInstanceOf(Digests.DigestCheck.Mismatch.class,
                Digests.checkContentDigestHeader("sha-256=:" + SHA512 + ":", HELLO));
        assertInstanceOf(Digests.DigestCheck.Mismatch.class,
                Digests.checkContentDigestHeader("sha-256=\"" + SHA256 + "\"", HELLO));
        assertInstanceOf(Digests.DigestCheck.Missing.class, Digests.checkContentDigestHeader("sha-256=:" + SHA256, HELLO));
    }
}
