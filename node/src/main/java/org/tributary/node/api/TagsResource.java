package org.tributary.node.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.ZoneOffset;
import org.tributary.node.config.LocalUris;
import org.tributary.node.auth.AuthService;
import org.tributary.node.hashtag.HashtagService;
import org.tributary.node.hashtag.TagInfo;

/** Mastodon's tags API: a tag with its use and whether the viewer follows it; follow and unfollow. */
@Path("/api/v1/tags")
@Produces(MediaType.APPLICATION_JSON)
public final class TagsResource {
    private final AuthService auth;
    private final HashtagService hashtags;
    private final LocalUris uris;

    public TagsResource(AuthService auth, HashtagService hashtags, LocalUris uris) {
        this.auth = auth;
        this.hashtags = hashtags;
        this.uris = uris;
    }

    @GET
    @Path("{name}")
    public TagEntityDto tag(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("name") String name) {
        return dto(hashtags.tag(auth.require(authorization), name));
    }

    @POST
    @Path("{name}/follow")
    public TagEntityDto follow(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("name") String name) {
        return dto(hashtags.follow(auth.require(authorization), name));
    }

    @POST
    @Path("{name}/unfollow")
    public TagEntityDto unfollow(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("name") String name) {
        return dto(hashtags.unfollow(auth.require(authorization), name));
    }

    TagEntityDto dto(TagInfo info) {
        return new TagEntityDto(info.name(), uris.tag(info.name()).toString(), info.history().stream()
                .map(usage -> new TagEntityDto.TagHistoryDto(
                        String.valueOf(usage.day().atStartOfDay(ZoneOffset.UTC).toEpochSecond()),
                        String.valueOf(usage.uses()), String.valueOf(usage.accounts())))
                .toList(), info.following());
    }
}
