package org.tributary.node;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.glassfish.jersey.server.ResourceConfig;
import org.tributary.federation.inbox.ActivityHandler;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.node.account.AccountService;
import org.tributary.node.account.AccountStore;
import org.tributary.node.account.RemoteAccountService;
import org.tributary.node.api.AccountKudosResource;
import org.tributary.node.api.ClientModels;
import org.tributary.node.api.EventsResource;
import org.tributary.node.api.KudosResource;
import org.tributary.node.api.PollsResource;
import org.tributary.node.api.QuestionsResource;
import org.tributary.node.auth.AuthService;
import org.tributary.node.config.LocalUris;
import org.tributary.node.delivery.Outbox;
import org.tributary.node.event.EventService;
import org.tributary.node.event.EventStore;
import org.tributary.node.inbound.InboundHandlers;
import org.tributary.node.inbound.IncomingEvents;
import org.tributary.node.inbound.IncomingKudos;
import org.tributary.node.inbound.IncomingPolls;
import org.tributary.node.inbound.IncomingPostPart;
import org.tributary.node.inbound.IncomingQuestions;
import org.tributary.node.inbound.PollVoteHandler;
import org.tributary.node.inbound.RsvpHandler;
import org.tributary.node.kudos.KudosService;
import org.tributary.node.kudos.KudosStore;
import org.tributary.node.notification.NotificationService;
import org.tributary.node.outbound.EventActivities;
import org.tributary.node.outbound.KudosActivities;
import org.tributary.node.outbound.NoteActivities;
import org.tributary.node.outbound.PollActivities;
import org.tributary.node.outbound.QuestionActivities;
import org.tributary.node.poll.PollCloser;
import org.tributary.node.poll.PollService;
import org.tributary.node.poll.PollStore;
import org.tributary.node.post.PostDelivery;
import org.tributary.node.post.PostService;
import org.tributary.node.post.StatusStore;
import org.tributary.node.post.StatusViews;
import org.tributary.node.question.QuestionService;
import org.tributary.node.question.QuestionStore;
import org.tributary.node.store.Database;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.timeline.StatusVisibility;

/**
 * The kinds of post beyond a plain note, wired once for {@link NodeAssembly}: kudos, polls, questions and
 * events. Their services build on the posting core; their rows are kept beside incoming posts by the
 * parts handed to {@code IncomingNotes}; poll votes and RSVPs get inbox handlers of their own.
 */
final class PostKindsWiring implements AutoCloseable {
    /** How often polls past their end time are closed: a poll closes at most this late. */
    private static final Duration POLL_CLOSER_PERIOD = Duration.ofSeconds(1);

    private final Database database;
    private final StatusStore statuses;
    private final RemoteAccountService remoteAccounts;
    private final VocabCodec codec;
    private final LocalUris uris;
    private final KudosStore kudosStore = new KudosStore();
    private final PollStore pollStore = new PollStore();
    private final QuestionStore questionStore = new QuestionStore();
    private final EventStore eventStore = new EventStore();
    private final KudosService kudos;
    private final PollService polls;
    private final QuestionService questions;
    private final EventService events;
    private final PollCloser pollCloser;

    PostKindsWiring(Database database, PostService posts, StatusStore statuses, StatusViews views,
            AccountStore accounts, RemoteAccountService remoteAccounts, StatusVisibility visibility,
            PostDelivery delivery, NoteActivities notes, Outbox outbox, NotificationService notifications,
            VocabCodec codec, LocalUris uris, IdGenerator ids, Clock clock) {
        this.database = database;
        this.statuses = statuses;
        this.remoteAccounts = remoteAccounts;
        this.codec = codec;
        this.uris = uris;
        this.kudos = new KudosService(database, kudosStore, posts, statuses, views, accounts, visibility,
                new KudosActivities());
        this.polls = new PollService(database, pollStore, statuses, views, accounts, visibility, delivery, notes,
                new PollActivities(codec), outbox, notifications, uris, ids, clock);
        this.questions = new QuestionService(database, questionStore, posts, statuses, views, accounts, visibility,
                delivery, notes, new QuestionActivities(), notifications, uris, ids, clock);
        this.events = new EventService(database, eventStore, posts, statuses, views, accounts, visibility,
                new EventActivities(), outbox, notifications, uris, ids, clock);
        this.pollCloser = new PollCloser(polls, POLL_CLOSER_PERIOD);
    }

    /** What each kind keeps beside a post that arrives from a peer. */
    List<IncomingPostPart> incomingParts(AccountStore accounts, NotificationService notifications, Clock clock) {
        return List.of(new IncomingKudos(kudosStore, accounts), new IncomingPolls(pollStore, notifications),
                new IncomingQuestions(questionStore, statuses, notifications, clock), new IncomingEvents(eventStore));
    }

    /** Every Create: a vote in one of our polls, else {@code otherwise} (a post). */
    ActivityHandler votesOr(ActivityHandler otherwise) {
        return new PollVoteHandler(database, statuses, remoteAccounts, polls, codec, uris, otherwise);
    }

    /** Accept, TentativeAccept and Reject of our events are RSVPs. */
    InboundHandlers.Rsvps rsvps() {
        return new InboundHandlers.Rsvps(otherwise -> new RsvpHandler(database, statuses, remoteAccounts, events,
                uris, otherwise));
    }

    PollService polls() {
        return polls;
    }

    QuestionService questions() {
        return questions;
    }

    /** Registers the kudos, polls, questions and events APIs. */
    ResourceConfig register(ResourceConfig application, AuthService auth, AccountService accounts,
            ClientModels models) {
        return application
                .register(new KudosResource(auth, kudos, models))
                .register(new AccountKudosResource(auth, accounts, kudos))
                .register(new PollsResource(auth, polls, models))
                .register(new QuestionsResource(auth, questions, models))
                .register(new EventsResource(auth, events, models));
    }

    void start() {
        pollCloser.start();
    }

    @Override
    public void close() {
        pollCloser.close();
    }
}
