package org.tributary.node.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Anti-forgery tokens for the login form, without server-side sessions: the token goes both into a
 * hidden field and into a {@code SameSite=Strict} cookie, and must come back identical in both
 * (double submit). It is also signed with a key that lives only in this process and carries an expiry,
 * so a token cannot be made up or replayed later. A restart invalidates open forms, which is harmless.
 */
public final class CsrfTokens {
    public static final String COOKIE = "tributary_csrf";
    static final Duration LIFETIME = Duration.ofHours(1);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key = new byte[32];
    private final SecureRandom random;
    private final Clock clock;

    public CsrfTokens(SecureRandom random, Clock clock) {
        this.random = random;
        this.clock = clock;
        random.nextBytes(key);
    }

    public String issue() {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String body = B64.encodeToString(nonce) + "." + clock.instant().plus(LIFETIME).getEpochSecond();
        return body + "." + sign(body);
    }

    /** Whether the form field and the cookie hold the same, genuine, unexpired token. */
    public boolean verify(String field, String cookie) {
        if (field == null || cookie == null || field.length() > 200
                || !MessageDigest.isEqual(field.getBytes(StandardCharsets.US_ASCII),
                        cookie.getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        int lastDot = field.lastIndexOf('.');
        int firstDot = field.indexOf('.');
        if (firstDot < 0 || lastDot == firstDot) {
            return false;
        }
        String body = field.substring(0, lastDot);
        if (!MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII),
                field.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        try {
            return Long.parseLong(body.substring(firstDot + 1)) > clock.instant().getEpochSecond();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
