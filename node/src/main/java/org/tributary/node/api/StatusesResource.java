package org.tributary.node.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountService;
import org.tributary.node.auth.AuthService;
import org.tributary.node.http.ApiException;
import org.tributary.node.post.PostService;
import org.tributary.node.post.Status;
import org.tributary.node.post.Visibility;
import org.tributary.node.timeline.StatusVisibility;

/** Mastodon's statuses API: write a post, read one. */
@Path("/api/v1/statuses")
@Produces(MediaType.APPLICATION_JSON)
public final class StatusesResource {
    private final AuthService auth;
    private final AccountService accounts;
    private final PostService posts;
    private final StatusVisibility visibility;
    private final ClientModels models;

    public StatusesResource(AuthService auth, AccountService accounts, PostService posts, StatusVisibility visibility,
            ClientModels models) {
        this.auth = auth;
        this.accounts = accounts;
        this.posts = posts;
        this.visibility = visibility;
        this.models = models;
    }

    /** The JSON form of a new post. */
    public record NewStatus(String status, String visibility, List<String> mediaIds) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public StatusDto createFromJson(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, NewStatus body) {
        if (body == null) {
            throw ApiException.badRequest("invalid_request", "a status body is required");
        }
        return create(authorization, body.status(), body.visibility(), body.mediaIds());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public StatusDto createFromForm(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @FormParam("status") String status, @FormParam("visibility") String visibility,
            @FormParam("media_ids[]") List<String> mediaIds) {
        return create(authorization, status, visibility, mediaIds);
    }

    @GET
    @Path("{id}")
    public StatusDto status(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") long id) {
        Account viewer = auth.require(authorization);
        Status status = posts.find(id).filter(found -> visibility.canSee(viewer, found))
                .orElseThrow(() -> ApiException.notFound("status"));
        Account author = accounts.findById(status.accountId()).orElseThrow(() -> ApiException.notFound("status"));
        return models.status(status, author);
    }

    private StatusDto create(String authorization, String text, String visibilityName, List<String> mediaIds) {
        Account author = auth.require(authorization);
        Visibility level;
        try {
            level = visibilityName == null || visibilityName.isBlank() ? Visibility.ORGANIZATION
                    : Visibility.parse(visibilityName);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_visibility", e.getMessage());
        }
        return models.status(posts.post(author, text, level, mediaIdsOf(mediaIds)), author);
    }

    /** {@code media_ids[]}: the ids as Mastodon sends them, strings of digits. */
    private static List<Long> mediaIdsOf(List<String> mediaIds) {
        if (mediaIds == null) {
            return List.of();
        }
        try {
            return mediaIds.stream().filter(id -> id != null && !id.isBlank()).map(Long::parseLong).toList();
        } catch (NumberFormatException e) {
            throw new ApiException(422, "invalid_media", "media ids are numbers");
        }
    }
}
