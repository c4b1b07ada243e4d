package org.tributary.federation.inbox;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.tributary.federation.FederationError;
import org.tributary.federation.signature.HttpSignatures;
import org.tributary.federation.signature.SignatureInspection;
import org.tributary.federation.signature.SignatureRequest;
import org.tributary.federation.spi.FederationEvent;
import org.tributary.federation.spi.FederationEvent.InboundDisposition;
import org.tributary.federation.spi.FederationEventListener;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.federation.spi.InboxStore;
import org.tributary.federation.spi.KeyResolver;
import org.tributary.federation.spi.PeerPolicy;

/**
 * The inbound pipeline of DESIGN §3, steps 1–6, in that order: cheap checks first, the key fetch only
 * for allowed peers, storage last. Every outcome is reported to the {@link FederationEventListener}.
 * Thread-safe when its collaborators are.
 */
public final class InboxPipeline {

    private final InboxLimits limits;
    private final PeerPolicy peers;
    private final ActivityParser parser = new ActivityParser();
    private final ActivityOriginRules originRules = new ActivityOriginRules();
    private final HttpSignatures signatures;
    private final InboundKeyCheck keyCheck;
    private final InboxStore store;
    private final FederationEventListener listener;
    private final Clock clock;

    public InboxPipeline(
            InboxLimits limits,
            PeerPolicy peers,
            HttpSignatures signatures,
            KeyResolver keys,
            InboxStore store,
            FederationEventListener listener,
            Clock clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.peers = Objects.requireNonNull(peers, "peers");
        this.signatures = Objects.requireNonNull(signatures, "signatures");
        this.keyCheck = new InboundKeyCheck(signatures, Objects.requireNonNull(keys, "keys"));
        this.store = Objects.requireNonNull(store, "store");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Step 1 on the header fields alone, for the transport to call before it reads the body: a declared
     * length over the limit or a wrong content type is rejected (and reported) without reading anything.
     * The transport should then read at most {@link InboxLimits#maxBodyBytes()} + 1 bytes.
     */
    public Optional<InboxOutcome.Rejected> screenBeforeReading(
            Optional<String> contentType, OptionalLong declaredContentLength) {
        Optional<InboxOutcome.Rejected> rejection = checkLimits(contentType, declaredContentLength, 0);
        rejection.ifPresent(rejected -> report(new Trace(clock.instant()), rejected));
        return rejection;
    }

    public InboxOutcome accept(InboxRequest request) {
        Trace trace = new Trace(clock.instant());
        InboxOutcome outcome = run(request, trace);
        report(trace, outcome);
        return outcome;
    }

    private InboxOutcome run(InboxRequest request, Trace trace) {
        byte[] body = request.http().body();
        Optional<InboxOutcome.Rejected> limited =
                checkLimits(request.contentType(), request.declaredContentLength(), body.length);
        if (limited.isPresent()) {
            return limited.get();
        }

        SignatureInspection inspection = signatures.inspect(request.http());
        if (inspection instanceof SignatureInspection.Unsigned unsigned) {
            return new InboxOutcome.Rejected(unsigned.error(), unsigned.detail());
        }
        SignatureRequest claimed = ((SignatureInspection.Signed) inspection).request();
        URI keyId = claimed.keyId();
        trace.peer = Optional.ofNullable(keyId.getHost()).map(host -> PeerPolicy.authorityOf(keyId));

        ActivityParser.Result parsed = parser.parse(body);
        if (parsed instanceof ActivityParser.Result.Invalid invalid) {
            return new InboxOutcome.Rejected(invalid.error(), invalid.detail());
        }
        InboundActivity activity = ((ActivityParser.Result.Parsed) parsed).activity();
        trace.describe(activity);

        // Only now, and only for an allowed peer, may the key be fetched: anything earlier is a free
        // request amplifier for whoever can reach the inbox.
        if (!peers.isAllowed(keyId)) {
            return new InboxOutcome.Rejected(FederationError.PEER_NOT_ALLOWED,
                    "signing key " + keyId + " is not on an allowed peer");
        }
        InboundKeyCheck.Result checked = keyCheck.verify(request.http(), keyId);
        if (checked instanceof InboundKeyCheck.Result.Failed failed) {
            return failed.rejection();
        }
        URI owner = ((InboundKeyCheck.Result.Passed) checked).key().owner();
        if (!owner.equals(activity.actor())) {
            return new InboxOutcome.Rejected(FederationError.KEY_OWNER_MISMATCH,
                    "key " + keyId + " belongs to " + owner + ", not to the actor " + activity.actor());
        }

        if (!peers.isAllowed(activity.actor())) {
            return new InboxOutcome.Rejected(FederationError.PEER_NOT_ALLOWED,
                    "actor " + activity.actor() + " is not on an allowed peer");
        }
        Optional<InboxOutcome.Rejected> origin = originRules.check(activity);
        if (origin.isPresent()) {
            return origin.get();
        }

        // Steps 5 and 6 are one atomic call, so two concurrent copies cannot both be stored.
        if (!store.storeIfAbsent(activity, trace.at, keyId)) {
            return new InboxOutcome.Duplicate(activity.id());
        }
        return new InboxOutcome.Accepted(activity);
    }

    private Optional<InboxOutcome.Rejected> checkLimits(
            Optional<String> contentType, OptionalLong declaredLength, long actualLength) {
        long max = limits.maxBodyBytes();
        if (declaredLength.isPresent() && declaredLength.getAsLong() > max) {
            return Optional.of(new InboxOutcome.Rejected(FederationError.BODY_TOO_LARGE,
                    "declared Content-Length " + declaredLength.getAsLong() + " exceeds " + max));
        }
        if (actualLength > max) {
            return Optional.of(new InboxOutcome.Rejected(FederationError.BODY_TOO_LARGE,
                    "body of " + actualLength + " bytes exceeds " + max));
        }
        if (contentType.isEmpty() || !ActivityMediaType.isActivityJson(contentType.get())) {
            return Optional.of(new InboxOutcome.Rejected(FederationError.UNSUPPORTED_CONTENT_TYPE,
                    "Content-Type " + contentType.orElse("(none)") + " is not an ActivityStreams type"));
        }
        return Optional.empty();
    }

    private void report(Trace trace, InboxOutcome outcome) {
        InboundDisposition disposition;
        Optional<FederationError> error = Optional.empty();
        String detail;
        if (outcome instanceof InboxOutcome.Accepted) {
            disposition = InboundDisposition.ACCEPTED;
            detail = "stored";
        } else if (outcome instanceof InboxOutcome.Duplicate) {
            disposition = InboundDisposition.DUPLICATE;
            detail = "already stored; acknowledged, not applied again";
        } else {
            InboxOutcome.Rejected rejected = (InboxOutcome.Rejected) outcome;
            disposition = InboundDisposition.REJECTED;
            error = Optional.of(rejected.error());
            detail = rejected.detail();
        }
        listener.onEvent(new FederationEvent.InboundProcessed(
                trace.at, trace.peer, trace.activityId, trace.type, trace.actor, disposition, error, detail));
    }

    /** What is known about one request so far, for its event; filled in as the steps learn more. */
    private static final class Trace {
        private final Instant at;
        private Optional<String> peer = Optional.empty();
        private Optional<URI> activityId = Optional.empty();
        private Optional<String> type = Optional.empty();
        private Optional<URI> actor = Optional.empty();

        Trace(Instant at) {
            this.at = at;
        }

        void describe(InboundActivity activity) {
            activityId = Optional.of(activity.id());
            type = Optional.of(activity.type());
            actor = Optional.of(activity.actor());
        }
    }
}
