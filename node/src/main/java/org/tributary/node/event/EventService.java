package org.tributary.node.event;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tributary.federation.vocab.Activity;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.config.LocalUris;
import org.tributary.node.delivery.Outbox;
import org.tributary.node.http.ApiException;
import org.tributary.node.notification.NotificationService;
import org.tributary.node.notification.NotificationType;
import org.tributary.node.outbound.EventActivities;
import org.tributary.node.post.Page;
import org.tributary.node.post.PostExtension;
import org.tributary.node.post.PostRequest;
import org.tributary.node.post.PostService;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusStore;
import org.tributary.node.post.StatusView;
import org.tributary.node.post.StatusViews;
import org.tributary.node.store.Database;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.store.StoreException;
import org.tributary.node.timeline.StatusVisibility;

/**
 * Events: posting one, listing them (upcoming, by place name, near a point), and RSVPs. An answer to
 * an event of this node is kept and its organizer told "rsvp"; an answer to a peer's event is kept as
 * the employee's own and sent to the organizer's node, which keeps the attendee list.
 */
public final class EventService {
    public static final int MAX_NAME = 200;
    public static final int MAX_ADDRESS = 500;

    /** The filters of an event list; {@code place}, {@code near} and {@code radiusKm} may be null. */
    public record Filter(boolean upcoming, String place, double[] near, Double radiusKm) {
    }

    private final Database database;
    private final EventStore events;
    private final PostService posts;
    private final StatusStore statuses;
    private final StatusViews views;
    private final AccountStore accounts;
    private final StatusVisibility visibility;
    private final EventActivities activities;
    private final Outbox outbox;
    private final NotificationService notifications;
    private final LocalUris uris;
    private final IdGenerator ids;
    private final Clock clock;

    public EventService(Database database, EventStore events, PostService posts, StatusStore statuses,
            StatusViews views, AccountStore accounts, StatusVisibility visibility, EventActivities activities,
            Outbox outbox, NotificationService notifications, LocalUris uris, IdGenerator ids, Clock clock) {
        this.database = database;
        this.events = events;
        this.posts = posts;
        this.statuses = statuses;
        this.views = views;
        this.accounts = accounts;
        this.visibility = visibility;
        this.activities = activities;
        this.outbox = outbox;
        this.notifications = notifications;
        this.uris = uris;
        this.ids = ids;
        this.clock = clock;
    }

    public EventView create(Account organizer, EventRequest request) {
        validate(request);
        String text = request.description() == null || request.description().isBlank() ? request.name().strip()
                : request.description();
        Status status = posts.post(organizer, PostRequest.text(text, request.visibility()), new PostExtension() {
            private Event event;

            @Override
            public void store(Connection connection, StatusView view) throws SQLException {
                event = new Event(view.status().id(), request.name().strip(), request.startTime(), request.endTime(),
                        request.place());
                events.insertIfAbsent(connection, event);
            }

            @Override
            public Activity shapeCreate(Activity plainCreate) {
                return activities.create(plainCreate, event);
            }
        });
        return find(organizer, status.id()).orElseThrow();
    }

    public Optional<EventView> find(Account viewer, long id) {
        return database.inTransaction(connection -> statuses.findById(connection, id)
                .filter(status -> canSee(connection, viewer, status)).flatMap(status -> view(connection, viewer,
                        status)));
    }

    /** Events the viewer may see, newest post first, filtered; {@code near} filters after the page is cut. */
    public List<EventView> list(Account viewer, Filter filter, Page page) {
        StringBuilder condition = new StringBuilder("id IN (SELECT status_id FROM events WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.upcoming()) {
            Instant now = clock.instant();
            condition.append(" AND (end_time >= ? OR (end_time IS NULL AND start_time >= ?))");
            params.add(now);
            params.add(now);
        }
        if (filter.place() != null && !filter.place().isBlank()) {
            condition.append(" AND place_key LIKE ? ESCAPE '\\'");
            params.add("%" + escapeLike(filter.place().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.near() != null) {
            condition.append(" AND latitude IS NOT NULL AND longitude IS NOT NULL");
        }
        condition.append(')');
        return database.inTransaction(connection -> {
            List<EventView> found = new ArrayList<>();
            for (Status status : statuses.where(connection, condition.toString(), params, page)) {
                if (canSee(connection, viewer, status)) {
                    view(connection, viewer, status).filter(view -> isNear(view.event(), filter))
                            .ifPresent(found::add);
                }
            }
            return found;
        });
    }

    /** The viewer answers; kept here, and sent to the organizer's node when the event is a peer's. */
    public EventView rsvp(Account attendee, long id, RsvpAnswer answer) {
        return database.inTransaction(connection -> {
            Status status = statuses.findById(connection, id).filter(found -> canSee(connection, attendee, found))
                    .orElseThrow(() -> ApiException.notFound("event"));
            if (events.find(connection, id).isEmpty()) {
                throw ApiException.notFound("event");
            }
            Instant now = clock.instant();
            events.answer(connection, id, attendee.id(), answer, now);
            Account organizer = accounts.findById(connection, status.accountId()).orElseThrow();
            if (status.local()) {
                notifications.notify(connection, organizer.id(), NotificationType.RSVP, attendee.id(), id);
            } else {
                URI activityId = uris.activity(attendee.username(), "rsvps", ids.next());
                outbox.send(connection, activities.rsvp(activityId, attendee, status.uri(), organizer.uri(), answer,
                        now), attendee, List.of(organizer));
            }
            return view(connection, attendee, status).orElseThrow();
        });
    }

    /** An answer from a colleague on another node to one of our events; the organizer is told "rsvp". */
    public boolean receiveRsvp(Connection connection, Account attendee, Status event, RsvpAnswer answer)
            throws SQLException {
        if (!event.local() || events.find(connection, event.id()).isEmpty()) {
            return false;
        }
        events.answer(connection, event.id(), attendee.id(), answer, clock.instant());
        notifications.notify(connection, event.accountId(), NotificationType.RSVP, attendee.id(), event.id());
        return true;
    }

    private Optional<EventView> view(Connection connection, Account viewer, Status status) {
        try {
            Optional<Event> event = events.find(connection, status.id());
            if (event.isEmpty()) {
                return Optional.empty();
            }
            List<EventView.Attendee> attendees = new ArrayList<>();
            Optional<RsvpAnswer> own = Optional.empty();
            for (Rsvp rsvp : events.rsvps(connection, status.id())) {
                Optional<Account> account = accounts.findById(connection, rsvp.accountId());
                account.ifPresent(found -> attendees.add(new EventView.Attendee(found, rsvp.answer())));
                if (rsvp.accountId() == viewer.id()) {
                    own = Optional.of(rsvp.answer());
                }
            }
            return Optional.of(new EventView(event.get(), views.of(connection, status), attendees, own));
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static boolean isNear(Event event, Filter filter) {
        if (filter.near() == null) {
            return true;
        }
        double radius = filter.radiusKm() == null ? 50 : filter.radiusKm();
        return event.place() != null && event.place().hasCoordinates()
                && event.place().distanceKm(filter.near()[0], filter.near()[1]) <= radius;
    }

    private boolean canSee(Connection connection, Account viewer, Status status) {
        try {
            return visibility.canSee(connection, viewer, status);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static void validate(EventRequest request) {
        if (request.name() == null || request.name().isBlank() || request.name().strip().length() > MAX_NAME) {
            throw new ApiException(422, "invalid_event", "an event needs a name of 1 to " + MAX_NAME + " characters");
        }
        if (request.startTime() == null) {
            throw new ApiException(422, "invalid_event", "an event needs a start_time");
        }
        if (request.endTime() != null && request.endTime().isBefore(request.startTime())) {
            throw new ApiException(422, "invalid_event", "end_time is before start_time");
        }
        Place place = request.place();
        if (place != null) {
            if (place.name() != null && place.name().length() > MAX_NAME) {
                throw new ApiException(422, "invalid_event", "place names are limited to " + MAX_NAME + " characters");
            }
            if (place.address() != null && place.address().length() > MAX_ADDRESS) {
                throw new ApiException(422, "invalid_event", "addresses are limited to " + MAX_ADDRESS + " characters");
            }
            if ((place.latitude() == null) != (place.longitude() == null)
                    || (place.latitude() != null && (Math.abs(place.latitude()) > 90
                    || Math.abs(place.longitude()) > 180))) {
                throw new ApiException(422, "invalid_event", "latitude (-90..90) and longitude (-180..180) go together");
            }
        }
    }
}
