package org.tributary.node.outbound;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.tributary.federation.vocab.Activity;
import org.tributary.federation.vocab.As2;
import org.tributary.federation.vocab.ObjectRef;
import org.tributary.node.account.Account;
import org.tributary.node.event.Event;
import org.tributary.node.event.Place;
import org.tributary.node.event.RsvpAnswer;

/**
 * The wire forms of events: the post is an AS2 {@code Event} with {@code name}, {@code startTime},
 * {@code endTime} and a {@code location} {@code Place} (name, latitude, longitude, address); an RSVP
 * is an {@code Accept}, {@code TentativeAccept} or {@code Reject} whose object is the Event's id,
 * addressed to its organizer.
 */
public final class EventActivities {
    private static final JsonObject NONE = Json.createObjectBuilder().build();

    /** Create(Event), given the Create of the post's plain Note. */
    public Activity create(Activity plainCreate, Event event) {
        return ObjectShapes.reshape(plainCreate, List.of(As2.EVENT), object -> addEvent(object, event));
    }

    public Activity rsvp(URI activityId, Account attendee, URI event, URI organizer, RsvpAnswer answer, Instant at) {
        return new Activity(activityId, answer.activityType(), attendee.uri(), new ObjectRef.Link(event),
                List.of(organizer), List.of(), at, NONE);
    }

    private static void addEvent(JsonObjectBuilder object, Event event) {
        object.add("name", event.name());
        object.add("startTime", timestamp(event.startTime()));
        if (event.endTime() != null) {
            object.add("endTime", timestamp(event.endTime()));
        }
        Place place = event.place();
        if (place != null) {
            JsonObjectBuilder location = Json.createObjectBuilder().add("type", "Place");
            if (place.name() != null) {
                location.add("name", place.name());
            }
            if (place.hasCoordinates()) {
                location.add("latitude", place.latitude()).add("longitude", place.longitude());
            }
            if (place.address() != null) {
                location.add("address", place.address());
            }
            object.add("location", location);
        }
    }

    private static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
