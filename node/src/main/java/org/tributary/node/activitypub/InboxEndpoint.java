package org.tributary.node.activitypub;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.tributary.federation.FederationError;
import org.tributary.federation.http.HeaderMap;
import org.tributary.federation.inbox.InboxOutcome;
import org.tributary.federation.inbox.InboxPipeline;
import org.tributary.federation.inbox.InboxRequest;
import org.tributary.node.account.AccountService;
import org.tributary.node.audit.InboundCapture;
import org.tributary.node.inbox.InboxProcessor;

/**
 * Personal inboxes, the shared inbox and the instance actor's inbox. Each runs the federation pipeline
 * (limits, signature, origin, de-duplication, durable store) and answers 202 only once the activity is
 * committed, and its audit log entry too; the handlers then run from the stored inbox.
 *
 * <p>It knows no HTTP server: {@link InboxHandler} serves it from Jetty, ahead of the Jersey application,
 * because Jersey's routing and per-request machinery cost a fifth of the node's CPU under a burst of
 * activities (benchmark 1's profile) and the inbox needs none of it.
 */
public final class InboxEndpoint {
    private static final String USERS = "/users/";
    private static final String PERSONAL_INBOX = "/inbox";

    private final InboxPipeline pipeline;
    private final InboxProcessor processor;
    private final AccountService accounts;
    private final RequestParts requestParts;
    private final int maxBodyBytes;
    private final InboundCapture capture;

    /**
     * @param capture hands each raw request to the audit listener while the pipeline runs, so the log entry
     *                written before the answer holds the exact bytes and headers received
     */
    public InboxEndpoint(InboxPipeline pipeline, InboxProcessor processor, AccountService accounts,
            RequestParts requestParts, int maxBodyBytes, InboundCapture capture) {
        this.pipeline = pipeline;
        this.processor = processor;
        this.accounts = accounts;
        this.requestParts = requestParts;
        this.maxBodyBytes = maxBodyBytes;
        this.capture = capture;
    }

    /**
     * Whether this decoded path is an inbox's: {@code /inbox}, {@code /actor/inbox} or {@code /users/{name}/inbox},
     * with or without one trailing slash (as the JAX-RS resources that served them before matched).
     */
    public boolean serves(String path) {
        String inbox = withoutTrailingSlash(path);
        return inbox.equals("/inbox") || inbox.equals("/actor/inbox") || personalInboxOwner(inbox).isPresent();
    }

    /**
     * Receives one POST.
     *
     * @param path     the decoded path, one {@link #serves} accepts
     * @param target   the raw path and query as received, which the peer signed
     * @param headers  the request's header fields
     * @param body     the request's body, read here up to one byte past the limit
     */
    public InboxAnswer receive(String path, String target, HeaderMap headers, InputStream body) {
        Optional<String> owner = personalInboxOwner(withoutTrailingSlash(path));
        if (owner.isPresent() && accounts.findLocal(owner.get()).isEmpty()) {
            return InboxAnswer.error(404, "not_found", "no such inbox");
        }
        Optional<URI> signedFor = requestParts.target(target);
        if (signedFor.isEmpty()) {
            // Jetty checks the path but not the query; the signed URI cannot even be formed.
            return InboxAnswer.error(400, "bad_request", "the request target is not a valid URI").closingConnection();
        }
        // Two Content-Type fields read as one list, which no accepted type matches: a proxy in front might
        // have read only the other one.
        List<String> contentTypes = headers.all("content-type");
        Optional<String> contentType = contentTypes.isEmpty() ? Optional.empty()
                : Optional.of(String.join(",", contentTypes));
        OptionalLong declared = declaredLength(headers);
        Optional<InboxOutcome.Rejected> early = capture.during(
                requestParts.of("POST", signedFor.get(), headers, new byte[0]),
                () -> pipeline.screenBeforeReading(contentType, declared));
        if (early.isPresent()) {
            return rejected(early.get()).closingConnection();
        }
        byte[] bytes;
        try {
            bytes = body.readNBytes(maxBodyBytes + 1);
        } catch (IOException e) {
            return InboxAnswer.error(400, "body_unreadable", "the request body could not be read");
        }
        InboxRequest request = new InboxRequest(requestParts.of("POST", signedFor.get(), headers, bytes), contentType,
                declared);
        InboxOutcome outcome = capture.during(request.http(), () -> pipeline.accept(request));
        if (outcome instanceof InboxOutcome.Rejected rejected) {
            // The rest of an oversized body was never read: the connection cannot carry another request.
            return bytes.length > maxBodyBytes ? rejected(rejected).closingConnection() : rejected(rejected);
        }
        if (outcome instanceof InboxOutcome.Accepted) {
            processor.wakeUp();
        }
        return InboxAnswer.accepted();
    }

    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** The username of {@code /users/{name}/inbox}, a single non-empty segment. */
    private static Optional<String> personalInboxOwner(String path) {
        if (!path.startsWith(USERS) || !path.endsWith(PERSONAL_INBOX)) {
            return Optional.empty();
        }
        int end = path.length() - PERSONAL_INBOX.length();
        if (end <= USERS.length()) {
            return Optional.empty();
        }
        String name = path.substring(USERS.length(), end);
        return name.indexOf('/') >= 0 ? Optional.empty() : Optional.of(name);
    }

    private static InboxAnswer rejected(InboxOutcome.Rejected rejected) {
        FederationError error = rejected.error();
        return InboxAnswer.error(error.httpStatus(), error.code(), rejected.detail());
    }

    private static OptionalLong declaredLength(HeaderMap headers) {
        Optional<String> value = headers.first("content-length");
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.get().strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
