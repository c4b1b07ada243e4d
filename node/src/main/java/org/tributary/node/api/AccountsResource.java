package org.tributary.node.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountService;
import org.tributary.node.account.ProfileService;
import org.tributary.node.account.RemoteAccountService;
import org.tributary.node.auth.AuthService;
import org.tributary.node.follow.FollowLists;
import org.tributary.node.follow.FollowService;
import org.tributary.node.http.ApiException;
import org.tributary.node.media.MediaAttachment;
import org.tributary.node.media.MediaService;
import org.tributary.node.media.MediaUrls;
import org.tributary.node.post.PostService;
import org.tributary.node.post.Status;
import org.tributary.node.post.Visibility;
import org.tributary.node.timeline.StatusVisibility;

/**
 * Mastodon's accounts API: who am I, edit my profile, look a colleague up (on any allowlisted node),
 * follow, unfollow, and an account's posts, followers and follows, paged.
 */
@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
public final class AccountsResource {
    private final AuthService auth;
    private final AccountService accounts;
    private final RemoteAccountService remoteAccounts;
    private final FollowService follows;
    private final ClientModels models;
    private final FollowLists followLists;
    private final PostService posts;
    private final StatusVisibility visibility;
    private final ProfileService profiles;
    private final Paging paging;
    private final MediaService media;
    private final MediaUrls mediaUrls;

    public AccountsResource(AuthService auth, AccountService accounts, RemoteAccountService remoteAccounts,
            FollowService follows, ClientModels models, FollowLists followLists, PostService posts,
            StatusVisibility visibility, ProfileService profiles, MediaService media,
            MediaUrls mediaUrls) {
        this.media = media;
        this.mediaUrls = mediaUrls;
        this.auth = auth;
        this.accounts = accounts;
        this.remoteAccounts = remoteAccounts;
        this.follows = follows;
        this.models = models;
        this.followLists = followLists;
        this.posts = posts;
        this.visibility = visibility;
        this.profiles = profiles;
        this.paging = new Paging(models);
    }

    @GET
    @Path("verify_credentials")
    public AccountDto verifyCredentials(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return models.account(auth.require(authorization));
    }

    /** {@code acct} is {@code user} (this node) or {@code user@host:port}, resolved by WebFinger. */
    @GET
    @Path("lookup")
    public AccountDto lookup(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("acct") String acct) {
        auth.require(authorization);
        if (acct == null || acct.isBlank()) {
            throw ApiException.badRequest("missing_acct", "the acct parameter is required");
        }
        Account account = acct.contains("@") ? remoteAccounts.byHandle(acct)
                : accounts.findLocal(acct).orElseThrow(() -> ApiException.notFound("account"));
        return models.account(account);
    }

    @GET
    @Path("{id}")
    public AccountDto account(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") long id) {
        auth.require(authorization);
        return models.account(find(id));
    }

    @GET
    @Path("relationships")
    public List<RelationshipDto> relationships(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("id[]") List<Long> ids, @QueryParam("id") List<Long> plainIds) {
        Account viewer = auth.require(authorization);
        List<Long> wanted = ids.isEmpty() ? plainIds : ids;
        return wanted.stream().map(this::find).map(other -> models.relationship(viewer, other)).toList();
    }

    @POST
    @Path("{id}/follow")
    public RelationshipDto follow(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") long id) {
        Account viewer = auth.require(authorization);
        Account target = find(id);
        follows.follow(viewer, target);
        return models.relationship(viewer, target);
    }

    @POST
    @Path("{id}/unfollow")
    public RelationshipDto unfollow(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") long id) {
        Account viewer = auth.require(authorization);
        Account target = find(id);
        follows.unfollow(viewer, target);
        return models.relationship(viewer, target);
    }

    @GET
    @Path("{id}/followers")
    public Response followers(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") long id, @QueryParam("max_id") Long maxId, @QueryParam("since_id") Long sinceId,
            @QueryParam("min_id") Long minId, @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        auth.require(authorization);
        return paging.follows(followLists.followers(find(id), Paging.page(maxId, sinceId, minId, limit)), uri);
    }

    @GET
    @Path("{id}/following")
    public Response following(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") long id, @QueryParam("max_id") Long maxId, @QueryParam("since_id") Long sinceId,
            @QueryParam("min_id") Long minId, @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        auth.require(authorization);
        return paging.follows(followLists.following(find(id), Paging.page(maxId, sinceId, minId, limit)), uri);
    }

    /**
     * An account's posts that the viewer may see. There are no pinned posts, media or hashtags yet, so
     * asking for only those gives an empty page.
     */
    @GET
    @Path("{id}/statuses")
    public Response statuses(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") long id, @QueryParam("max_id") Long maxId, @QueryParam("since_id") Long sinceId,
            @QueryParam("min_id") Long minId, @QueryParam("limit") Integer limit,
            @QueryParam("pinned") boolean pinned, @QueryParam("only_media") boolean onlyMedia,
            @QueryParam("tagged") String tagged, @QueryParam("exclude_replies") boolean excludeReplies,
            @Context UriInfo uri) {
        Account viewer = auth.require(authorization);
        Account author = find(id);
        if (pinned || onlyMedia || (tagged != null && !tagged.isBlank())) {
            return paging.statuses(List.of(), viewer, uri);
        }
        List<Status> page = posts.byAccount(author, visibleLevels(viewer, author),
                Paging.page(maxId, sinceId, minId, limit));
        List<Status> shown = visibility.visible(viewer, page).stream()
                .filter(status -> !excludeReplies || status.inReplyTo() == null).toList();
        return paging.statuses(shown, viewer, uri);
    }

    /**
     * Mastodon clients send a multipart form here; forms and JSON work too. Besides the name and note:
     * department, title and location (our parameters or Mastodon's {@code fields_attributes}), the
     * avatar (an uploaded image in the {@code avatar} file part, or a URL) and {@code locked} (new
     * followers wait for approval). The change is federated as {@code Update(Person)}.
     */
    @PATCH
    @Path("update_credentials")
    @Consumes(MediaType.WILDCARD)
    public AccountDto updateCredentials(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        Account employee = auth.require(authorization);
        RequestParams params = RequestParams.parse(contentType, body);
        Account updated = profiles.update(employee, ProfileParams.edit(params));
        java.util.Optional<byte[]> picture = MultipartUpload.file(contentType, body, "avatar",
                media.limits().maxUploadBytes());
        if (picture.isPresent()) {
            MediaAttachment upload = media.upload(employee, picture.get(), "", null);
            updated = profiles.setAvatar(employee, mediaUrls.urlOf(upload), upload.id());
        }
        return models.account(updated);
    }

    /** Own posts at every level; others' at the levels the visibility rule could allow this viewer. */
    private List<Visibility> visibleLevels(Account viewer, Account author) {
        if (viewer.id() == author.id()) {
            return List.of(Visibility.values());
        }
        List<Visibility> levels = new ArrayList<>(List.of(Visibility.ORGANIZATION, Visibility.FOLLOWERS));
        if (viewer.isLocal() && author.isLocal()) {
            levels.add(Visibility.DEPARTMENT);
        }
        return levels;
    }

    private Account find(long id) {
        return accounts.findById(id).orElseThrow(() -> ApiException.notFound("account"));
    }
}
