package org.tributary.node.activitypub;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;
import org.tributary.federation.FederationError;
import org.tributary.federation.inbox.InboxOutcome;
import org.tributary.federation.inbox.InboxPipeline;
import org.tributary.federation.inbox.InboxRequest;
import org.tributary.node.account.AccountService;
import org.tributary.node.audit.InboundCapture;
import org.tributary.node.http.ErrorBodies;
import org.tributary.node.inbox.InboxProcessor;

/**
 * Personal inboxes, the shared inbox and the instance actor's inbox. Each runs the federation
 * pipeline (limits, signature, origin, de-duplication, durable store) and answers 202 only once the
 * activity is committed, and its audit log entry too (written right after the inbox row, before the
 * answer); the handlers then run from the stored inbox.
 */
@Path("/")
public final class InboxResource {
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
    public InboxResource(InboxPipeline pipeline, InboxProcessor processor, AccountService accounts,
            RequestParts requestParts, int maxBodyBytes, InboundCapture capture) {
        this.capture = capture;
        this.pipeline = pipeline;
        this.processor = processor;
        this.accounts = accounts;
        this.requestParts = requestParts;
        this.maxBodyBytes = maxBodyBytes;
    }

    @POST
    @Path("inbox")
    @Consumes("*/*")
    public Response sharedInbox(@Context UriInfo uri, @Context HttpHeaders headers, InputStream body) {
        return receive(uri, headers, body);
    }

    @POST
    @Path("actor/inbox")
    @Consumes("*/*")
    public Response instanceInbox(@Context UriInfo uri, @Context HttpHeaders headers, InputStream body) {
        return receive(uri, headers, body);
    }

    @POST
    @Path("users/{username}/inbox")
    @Consumes("*/*")
    public Response personalInbox(@PathParam("username") String username, @Context UriInfo uri,
            @Context HttpHeaders headers, InputStream body) {
        if (accounts.findLocal(username).isEmpty()) {
            return ErrorBodies.response(404, "not_found", "no such inbox");
        }
        return receive(uri, headers, body);
    }

    private Response receive(UriInfo uri, HttpHeaders headers, InputStream body) {
        Optional<String> contentType = Optional.ofNullable(headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
        OptionalLong declared = declaredLength(headers);
        Optional<InboxOutcome.Rejected> early = capture.during(requestParts.of("POST", uri, headers, new byte[0]),
                () -> pipeline.screenBeforeReading(contentType, declared));
        if (early.isPresent()) {
            return closingConnection(rejected(early.get()));
        }
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(maxBodyBytes + 1);
        } catch (IOException e) {
            return ErrorBodies.response(400, "body_unreadable", "the request body could not be read");
        }
        InboxRequest request = new InboxRequest(requestParts.of("POST", uri, headers, bytes), contentType, declared);
        InboxOutcome outcome = capture.during(request.http(), () -> pipeline.accept(request));
        if (outcome instanceof InboxOutcome.Rejected rejected) {
            return bytes.length > maxBodyBytes ? closingConnection(rejected(rejected)) : rejected(rejected);
        }
        if (outcome instanceof InboxOutcome.Accepted) {
            processor.wakeUp();
        }
        return Response.accepted().build();
    }

    /**
     * For a refusal sent before the body was read to its end: the connection is closed after the answer, and
     * the answer says so. Without the header the server still closed it (the rest of the body was never
     * read), and a client that pools connections could send its next request into the closing one.
     */
    private static Response closingConnection(Response response) {
        return Response.fromResponse(response).header("Connection", "close").build();
    }

    private static Response rejected(InboxOutcome.Rejected rejected) {
        FederationError error = rejected.error();
        return ErrorBodies.response(error.httpStatus(), error.code(), rejected.detail());
    }

    private static OptionalLong declaredLength(HttpHeaders headers) {
        String value = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
