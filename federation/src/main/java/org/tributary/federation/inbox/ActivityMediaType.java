package org.tributary.federation.inbox;

import java.util.Locale;

/** Recognises the two media types that carry ActivityStreams JSON. */
public final class ActivityMediaType {

    public static final String ACTIVITY_JSON = "application/activity+json";
    public static final String LD_JSON = "application/ld+json";

    private ActivityMediaType() {
    }

    /**
     * Whether a Content-Type value is {@code application/activity+json} or {@code application/ld+json},
     * ignoring parameters such as {@code profile} and {@code charset}.
     */
    public static boolean isActivityJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String base = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim().toLowerCase(Locale.ROOT);
        return base.equals(ACTIVITY_JSON) || base.equals(LD_JSON);
    }
}
