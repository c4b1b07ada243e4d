package org.tributary.node.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.tributary.node.account.Account;
import org.tributary.node.auth.AuthService;
import org.tributary.node.hashtag.HashtagService;
import org.tributary.node.hashtag.TagFollowStore;
import org.tributary.node.post.Page;

/** Mastodon's {@code GET /api/v1/followed_tags}: the tags the viewer follows, newest follow first, with Link paging. */
@Path("/api/v1/followed_tags")
@Produces(MediaType.APPLICATION_JSON)
public final class FollowedTagsResource {
    private final AuthService auth;
    private final HashtagService hashtags;
    private final TagsResource tags;

    public FollowedTagsResource(AuthService auth, HashtagService hashtags, TagsResource tags) {
        this.auth = auth;
        this.hashtags = hashtags;
        this.tags = tags;
    }

    @GET
    public Response followed(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("max_id") Long maxId, @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        Account viewer = auth.require(authorization);
        List<TagFollowStore.Followed> followed = hashtags.followed(viewer, maxId,
                limit == null ? Page.DEFAULT_LIMIT : limit);
        List<TagEntityDto> body = followed.stream().map(entry -> tags.dto(hashtags.tag(viewer, entry.name()))).toList();
        return Paging.respond(body, followed, TagFollowStore.Followed::id, uri);
    }
}
