package org.tributary.node.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.tributary.node.account.Account;
import org.tributary.node.auth.AuthService;
import org.tributary.node.event.EventRequest;
import org.tributary.node.event.EventService;
import org.tributary.node.event.EventView;
import org.tributary.node.event.Place;
import org.tributary.node.event.RsvpAnswer;
import org.tributary.node.http.ApiException;
import org.tributary.node.post.Visibility;

/**
 * Events ("I'll be in town", our extension): post one, list them ({@code upcoming}, {@code place}
 * contains, {@code near=lat,lon} with {@code radius_km}), read one with its RSVPs, and answer one.
 */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
public final class EventsResource {
    private final AuthService auth;
    private final EventService events;
    private final ClientModels models;

    public EventsResource(AuthService auth, EventService events, ClientModels models) {
        this.auth = auth;
        this.events = events;
        this.models = models;
    }

    /**
     * {@code name}, {@code description}, {@code start_time}, {@code end_time} (ISO 8601), {@code visibility},
     * and the place: {@code place[name]}, {@code place[latitude]}, {@code place[longitude]},
     * {@code place[address]} (in JSON, a {@code place} object).
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    public EventDto create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        Account organizer = auth.require(authorization);
        RequestParams params = RequestParams.parse(contentType, body);
        Visibility visibility;
        try {
            String level = params.get("visibility");
            visibility = level == null || level.isBlank() ? Visibility.ORGANIZATION : Visibility.parse(level);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_visibility", e.getMessage());
        }
        Double latitude = number(params.get("place[latitude]"));
        Double longitude = number(params.get("place[longitude]"));
        String placeName = blankToNull(params.get("place[name]"));
        String address = blankToNull(params.get("place[address]"));
        Place place = placeName == null && latitude == null && longitude == null && address == null ? null
                : new Place(placeName, latitude, longitude, address);
        return dto(events.create(organizer, new EventRequest(params.get("name"), params.get("description"),
                time(params.get("start_time")), time(params.get("end_time")), place, visibility)), organizer);
    }

    @GET
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("upcoming") Boolean upcoming, @QueryParam("place") String place,
            @QueryParam("near") String near, @QueryParam("radius_km") Double radiusKm,
            @QueryParam("max_id") Long maxId, @QueryParam("since_id") Long sinceId, @QueryParam("min_id") Long minId,
            @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        Account viewer = auth.require(authorization);
        EventService.Filter filter = new EventService.Filter(Boolean.TRUE.equals(upcoming), place, point(near),
                radiusKm);
        List<EventView> found = events.list(viewer, filter, Paging.page(maxId, sinceId, minId, limit));
        Map<Long, StatusDto> posts = models.statusesByIdFor(found.stream().map(EventView::post).toList(), viewer);
        return Paging.respond(found.stream().map(view -> dto(view, posts.get(view.post().status().id()))).toList(),
                found, view -> view.event().statusId(), uri);
    }

    @GET
    @Path("{id}")
    public EventDto one(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        Account viewer = auth.require(authorization);
        return dto(events.find(viewer, parseId(id)).orElseThrow(() -> ApiException.notFound("event")), viewer);
    }

    /** {@code answer}: {@code accept}, {@code tentative} or {@code reject}. */
    @POST
    @Path("{id}/rsvp")
    @Consumes(MediaType.WILDCARD)
    public EventDto rsvp(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        Account attendee = auth.require(authorization);
        String answer = RequestParams.parse(contentType, body).get("answer");
        RsvpAnswer parsed = RsvpAnswer.fromApiName(answer == null ? "" : answer.strip())
                .orElseThrow(() -> new ApiException(422, "invalid_answer", "answer is accept, tentative or reject"));
        return dto(events.rsvp(attendee, parseId(id), parsed), attendee);
    }

    /** The post as {@code viewer} sees it: with whether they liked and boosted it. */
    private EventDto dto(EventView view, Account viewer) {
        return dto(view, models.statusFor(view.post(), viewer));
    }

    private EventDto dto(EventView view, StatusDto status) {
        var event = view.event();
        Place place = event.place();
        return new EventDto(status.id(), status.uri(), event.name(), timestamp(event.startTime()),
                event.endTime() == null ? null : timestamp(event.endTime()),
                place == null ? null : new EventDto.PlaceDto(place.name(), place.latitude(), place.longitude(),
                        place.address()),
                new EventDto.Counts(view.count(RsvpAnswer.ACCEPT), view.count(RsvpAnswer.TENTATIVE),
                        view.count(RsvpAnswer.REJECT)),
                view.rsvps().stream().map(rsvp -> new EventDto.Attendee(models.account(rsvp.account()),
                        rsvp.answer().apiName())).toList(),
                view.ownAnswer().map(RsvpAnswer::apiName).orElse(null), status);
    }

    private static double[] point(String near) {
        if (near == null || near.isBlank()) {
            return null;
        }
        String[] parts = near.split(",");
        Double lat = parts.length == 2 ? number(parts[0]) : null;
        Double lon = parts.length == 2 ? number(parts[1]) : null;
        if (lat == null || lon == null || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
            throw ApiException.badRequest("invalid_near", "near is latitude,longitude in degrees");
        }
        return new double[] {lat, lon};
    }

    private static Double number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new ApiException(422, "invalid_event", "not a number: " + text);
        }
    }

    private static Instant time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text.strip(), Instant::from);
        } catch (DateTimeParseException e) {
            throw new ApiException(422, "invalid_event", "times are ISO 8601 with an offset, e.g. "
                    + "2030-05-01T09:00:00Z");
        }
    }

    private static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw ApiException.notFound("event");
        }
    }
}
