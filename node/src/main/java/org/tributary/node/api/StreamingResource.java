package org.tributary.node.api;

import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Optional;
import org.tributary.node.account.Account;
import org.tributary.node.auth.AccessToken;
import org.tributary.node.auth.AuthService;
import org.tributary.node.http.ApiException;
import org.tributary.node.post.StatusViews;
import org.tributary.node.streaming.SseStreamWriter;
import org.tributary.node.streaming.StreamChannel;
import org.tributary.node.streaming.StreamHub;
import org.tributary.node.streaming.StreamOpening;

/**
 * Mastodon's streaming API over server-sent events: {@code user}, {@code public} ({@code local=true}
 * or {@code public/local} for this department) and {@code hashtag?tag=...} ({@code hashtag/local}).
 * Browsers' EventSource cannot set headers, so the token may also come as {@code access_token}; either
 * way it needs {@code read:statuses}.
 */
@Path("/api/v1/streaming")
public final class StreamingResource {
    private static final String SCOPE = "read:statuses";

    private final AuthService auth;
    private final StreamHub hub;
    private final SseStreamWriter writer;
    private final StatusViews views;
    private final ClientModels models;
    private final Jsonb jsonb = new JsonbConfig().getContext(Object.class);

    public StreamingResource(AuthService auth, StreamHub hub, SseStreamWriter writer, StatusViews views,
            ClientModels models) {
        this.auth = auth;
        this.hub = hub;
        this.writer = writer;
        this.views = views;
        this.models = models;
    }

    @GET
    @Path("health")
    @Produces(MediaType.TEXT_PLAIN)
    public String health() {
        return "OK";
    }

    @GET
    @Path("user")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void user(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("access_token") String accessToken, @Context SseEventSink sink, @Context Sse sse) {
        stream(viewer(authorization, accessToken), new StreamChannel.User(), sink, sse);
    }

    @GET
    @Path("public")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void organization(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("access_token") String accessToken, @QueryParam("local") boolean local,
            @Context SseEventSink sink, @Context Sse sse) {
        stream(viewer(authorization, accessToken), new StreamChannel.Public(local), sink, sse);
    }

    @GET
    @Path("public/local")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void department(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("access_token") String accessToken, @Context SseEventSink sink, @Context Sse sse) {
        stream(viewer(authorization, accessToken), new StreamChannel.Public(true), sink, sse);
    }

    @GET
    @Path("hashtag")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void hashtag(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("access_token") String accessToken, @QueryParam("tag") String tag,
            @QueryParam("local") boolean local, @Context SseEventSink sink, @Context Sse sse) {
        stream(viewer(authorization, accessToken), hashtagChannel(tag, local), sink, sse);
    }

    @GET
    @Path("hashtag/local")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void hashtagLocal(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("access_token") String accessToken, @QueryParam("tag") String tag,
            @Context SseEventSink sink, @Context Sse sse) {
        stream(viewer(authorization, accessToken), hashtagChannel(tag, true), sink, sse);
    }

    private void stream(Account viewer, StreamChannel channel, SseEventSink sink, Sse sse) {
        StreamOpening opening = hub.open(viewer, channel);
        if (opening instanceof StreamOpening.Refused refused) {
            throw new ApiException(429, refused.code(), refused.message());
        }
        // Rendered for this stream's reader, as a timeline page is: with whether they liked and boosted it.
        writer.start(((StreamOpening.Opened) opening).connection(), sink, sse,
                status -> jsonb.toJson(models.statusFor(views.of(status), viewer)));
    }

    private static StreamChannel hashtagChannel(String tag, boolean local) {
        StreamChannel.Hashtag channel = new StreamChannel.Hashtag(tag == null ? "" : tag, local);
        if (channel.tag().isEmpty()) {
            throw ApiException.badRequest("missing_tag", "a hashtag stream needs tag=...");
        }
        return channel;
    }

    /** The account of the bearer token (header, or {@code access_token} for EventSource), which must allow reading statuses. */
    private Account viewer(String authorization, String accessToken) {
        String header = authorization != null ? authorization
                : accessToken != null && !accessToken.isBlank() ? "Bearer " + accessToken.strip() : null;
        Optional<AccessToken> token = auth.token(header);
        if (token.isPresent() && !token.get().scopes().allows(SCOPE)) {
            throw new ApiException(403, "insufficient_scope",
                    "This action is outside the authorized scopes (needs " + SCOPE + ")");
        }
        return auth.require(header);
    }
}
