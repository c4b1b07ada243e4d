package org.tributary.node.activitypub;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.tributary.federation.http.HeaderMap;

/**
 * Serves the inboxes from Jetty directly ({@link InboxEndpoint} says why) and passes every other request to
 * the handler it wraps, the Jersey application. It runs on Jetty's blocking request threads, as
 * Jersey does: the pipeline waits for the store's group commit.
 */
public final class InboxHandler extends Handler.Wrapper {
    private static final Logger LOG = Logger.getLogger(InboxHandler.class.getName());

    private final InboxEndpoint inbox;

    public InboxHandler(InboxEndpoint inbox) {
        this.inbox = inbox;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request); // null for CONNECT
        if (path == null || !inbox.serves(path)) {
            return super.handle(request, response, callback);
        }
        if (!HttpMethod.POST.asString().equals(request.getMethod())) { // methods are case-sensitive (RFC 9110 §9.1)
            response.getHeaders().put(HttpHeader.ALLOW, HttpMethod.POST.asString());
            write(InboxAnswer.error(405, "method_not_allowed", "an inbox takes POST only"), response, callback);
            return true;
        }
        HttpURI uri = request.getHttpURI();
        String target = uri.getQuery() == null ? uri.getPath() : uri.getPath() + "?" + uri.getQuery();
        InboxAnswer answer;
        try {
            answer = inbox.receive(path, target, headersOf(request), Content.Source.asInputStream(request));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "unexpected error while receiving an activity", e);
            answer = InboxAnswer.error(500, "internal_error", "internal error");
        }
        write(answer, response, callback);
        return true;
    }

    private static HeaderMap headersOf(Request request) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            fields.computeIfAbsent(field.getName(), name -> new ArrayList<>(1)).add(field.getValue());
        }
        return HeaderMap.of(fields);
    }

    private static void write(InboxAnswer answer, Response response, Callback callback) {
        response.setStatus(answer.status());
        if (answer.closeConnection()) {
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
        if (!answer.hasBody()) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
            response.write(true, null, callback);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        Content.Sink.write(response, true, answer.body(), callback);
    }
}
