package org.tributary.node.event;

import java.util.Locale;
import java.util.Optional;
import org.tributary.federation.vocab.As2;

/** An answer to an event, and the activity type that carries it. */
public enum RsvpAnswer {
    ACCEPT(As2.ACCEPT), TENTATIVE(As2.TENTATIVE_ACCEPT), REJECT(As2.REJECT);

    private final String activityType;

    RsvpAnswer(String activityType) {
        this.activityType = activityType;
    }

    public String activityType() {
        return activityType;
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RsvpAnswer> fromApiName(String name) {
        for (RsvpAnswer answer : values()) {
            if (answer.apiName().equals(name)) {
                return Optional.of(answer);
            }
        }
        return Optional.empty();
    }

    public static Optional<RsvpAnswer> fromActivityType(String type) {
        for (RsvpAnswer answer : values()) {
            if (answer.activityType.equals(type)) {
                return Optional.of(answer);
            }
        }
        return Optional.empty();
    }
}
