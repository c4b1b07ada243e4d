package org.tributary.spec.interop;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A running Fedify server with one actor ({@code peer}) on {@code http://127.0.0.1:<port>}, for
 * interop tests: an ActivityPub implementation that shares no code with Tributary. It is driven
 * and inspected through its test-only control API; everything it sends is signed by Fedify itself.
 *
 * <pre>{@code
 * try (FedifyPeer peer = FedifyPeer.start()) {
 *     ActorLookup alice = peer.lookup("alice@127.0.0.1:8950");
 *     peer.follow(alice.id());
 * }
 * }</pre>
 *
 * <p>Closing the peer kills its process; a JVM that exits without closing it kills it too.
 */
public final class FedifyPeer implements AutoCloseable {
    /** The peer's only actor. */
    public static final String ACTOR_NAME = "peer";
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final FedifyPeerProcess process;
    private final FedifyControlClient control;
    private final URI baseUri;

    private FedifyPeer(FedifyPeerProcess process) {
        this.process = process;
        this.baseUri = URI.create("http://127.0.0.1:" + process.port());
        this.control = new FedifyControlClient(baseUri);
    }

    /**
     * Starts a peer from {@code interop/fedify-peer} of the spec module (the directory Maven runs
     * tests in), logging to {@code target/}.
     */
    public static FedifyPeer start() {
        Path workingDirectory = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        // Maven runs tests in the module directory; an IDE may run them from the repository root.
        Path specModule = Files.isDirectory(workingDirectory.resolve("interop"))
                ? workingDirectory
                : workingDirectory.resolve("spec");
        return start(specModule.resolve("interop").resolve("fedify-peer"), specModule.resolve("target"));
    }

    /**
     * Starts a peer from the given project directory, running {@code npm ci} there first if its
     * dependencies are missing, and waits until it answers.
     *
     * @throws FedifyPeerException if npm or the peer fails, with their output in the message
     */
    public static FedifyPeer start(Path peerDirectory, Path logDirectory) {
        FedifyPeerInstaller installer = new FedifyPeerInstaller(peerDirectory.toAbsolutePath(),
                logDirectory.toAbsolutePath());
        installer.ensureInstalled();
        FedifyPeer peer = new FedifyPeer(FedifyPeerProcess.start(installer.nodeBinary(),
                peerDirectory.toAbsolutePath(), logDirectory.toAbsolutePath()));
        if (!peer.control.healthy()) {
            peer.close();
            throw new FedifyPeerException("the Fedify peer printed READY but its health check failed; see "
                    + peer.logFile());
        }
        return peer;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUri() {
        return baseUri;
    }

    /** The id of the peer's actor, {@code http://127.0.0.1:<port>/users/peer}. */
    public URI actorUri() {
        return baseUri.resolve("/users/" + ACTOR_NAME);
    }

    /** The WebFinger handle of the actor, with the port: {@code peer@127.0.0.1:<port>}. */
    public String handle() {
        return ACTOR_NAME + "@" + baseUri.getAuthority();
    }

    public int port() {
        return process.port();
    }

    /** Where the peer's output (including Fedify's log) goes: {@code fedify-peer-<port>.log}. */
    public Path logFile() {
        return process.logFile();
    }

    /** Whether the process still runs and answers its health check. */
    public boolean isHealthy() {
        return process.isAlive() && control.healthy();
    }

    /** Resolves {@code user@host:port} by WebFinger over http, then fetches the actor with a signed GET. */
    public ActorLookup lookup(String handle) {
        return control.lookup(handle);
    }

    /** Sends a signed Follow from the peer to the actor's inbox; returns once it is delivered. */
    public SentActivity follow(URI actor) {
        return control.follow(actor);
    }

    /** Sends Undo(Follow) for an earlier {@link #follow}. */
    public SentActivity unfollow(URI actor) {
        return control.unfollow(actor);
    }

    /** Sends a Create(Note) replying to {@code inReplyTo}, addressed (and delivered) to {@code to} only. */
    public SentActivity reply(URI inReplyTo, URI to, String content) {
        return control.reply(inReplyTo, to, content, false);
    }

    /** Like {@link #reply(URI, URI, String)}, with {@code isPublic} adding the Public collection to cc. */
    public SentActivity reply(URI inReplyTo, URI to, String content, boolean isPublic) {
        return control.reply(inReplyTo, to, content, isPublic);
    }

    /** Publishes a public Note and delivers its Create to every follower of the peer. */
    public SentActivity post(String content) {
        return control.post(content);
    }

    /** Every activity the peer accepted so far, in order of arrival. */
    public List<ReceivedActivity> received() {
        return control.received();
    }

    /** Inbound activities the peer refused because their signature did not verify. */
    public List<RejectedActivity> rejected() {
        return control.rejected();
    }

    /**
     * The refusals other than the one a Tributary node causes on purpose. The node signs RFC 9421 with the
     * sender's Ed25519 key, which Fedify cannot look up (it reads HTTP signature keys from {@code publicKey}
     * only): it refuses the first such request with 401 ({@code invalidSignature}), the node sends the same
     * activity again at once with draft-cavage RSA, which Fedify accepts, and keeps to draft-cavage from then
     * on. So at most one refusal is expected, of an activity that Fedify then received; anything else is
     * returned here.
     */
    public List<RejectedActivity> unexpectedRefusals() {
        List<RejectedActivity> rejected = rejected();
        if (rejected.size() > 1) {
            return rejected;
        }
        List<URI> receivedIds = received().stream().flatMap(activity -> activity.id().stream()).toList();
        return rejected.stream().filter(refusal -> !refusal.reason().equals("invalidSignature")
                || refusal.id().filter(receivedIds::contains).isEmpty()).toList();
    }

    /** Actors whose Follow the peer accepted. */
    public List<PeerFollower> followers() {
        return control.followers();
    }

    /** Actors the peer sent a Follow to, with the answer so far. */
    public List<PeerFollowing> following() {
        return control.following();
    }

    /**
     * Waits until the peer has received an activity that matches, because inbound activities are
     * processed by Fedify's queue after the sender already got its 202.
     *
     * @throws FedifyPeerException if none arrived within {@code timeout}
     */
    public ReceivedActivity awaitReceived(Predicate<ReceivedActivity> match, Duration timeout) {
        return await(() -> received().stream().filter(match).findFirst(), timeout,
                "no matching activity received by " + actorUri());
    }

    /** Waits until the peer follows {@code actor} and that actor has accepted. */
    public PeerFollowing awaitFollowAccepted(URI actor, Duration timeout) {
        return await(() -> following().stream().filter(f -> f.actor().equals(actor) && f.accepted()).findFirst(),
                timeout, actorUri() + " was not accepted by " + actor);
    }

    /** Waits until {@code actor} is among the peer's followers. */
    public PeerFollower awaitFollower(URI actor, Duration timeout) {
        return await(() -> followers().stream().filter(f -> f.id().equals(actor)).findFirst(), timeout,
                actor + " did not become a follower of " + actorUri());
    }

    private <T> T await(Supplier<Optional<T>> probe, Duration timeout, String failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new FedifyPeerException(failure + " within " + timeout + "; see " + logFile());
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FedifyPeerException("interrupted while waiting: " + failure, e);
            }
        }
    }

    /** Kills the peer's process tree. */
    @Override
    public void close() {
        process.stop();
    }

    @Override
    public String toString() {
        return "FedifyPeer[" + actorUri() + "]";
    }
}
