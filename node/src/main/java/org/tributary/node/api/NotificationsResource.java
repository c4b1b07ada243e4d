package org.tributary.node.api;

import jakarta.ws.rs.GET;
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
import java.util.Map;
import java.util.Optional;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountService;
import org.tributary.node.auth.AuthService;
import org.tributary.node.http.ApiException;
import org.tributary.node.notification.Notification;
import org.tributary.node.notification.NotificationService;
import org.tributary.node.notification.NotificationType;
import org.tributary.node.post.Page;
import org.tributary.node.post.PostService;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusViews;
import org.tributary.node.timeline.StatusVisibility;

/**
 * Mastodon's notifications API: list (paged, filtered by {@code types[]}/{@code exclude_types[]}), one,
 * dismiss one, clear all. An employee only ever sees their own; a notification whose post the viewer
 * can no longer read is left out.
 */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
public final class NotificationsResource {
    private final AuthService auth;
    private final AccountService accounts;
    private final NotificationService notifications;
    private final PostService posts;
    private final StatusViews views;
    private final StatusVisibility visibility;
    private final ClientModels models;

    public NotificationsResource(AuthService auth, AccountService accounts, NotificationService notifications,
            PostService posts, StatusViews views, StatusVisibility visibility, ClientModels models) {
        this.auth = auth;
        this.accounts = accounts;
        this.notifications = notifications;
        this.posts = posts;
        this.views = views;
        this.visibility = visibility;
        this.models = models;
    }

    @GET
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("max_id") Long maxId, @QueryParam("since_id") Long sinceId, @QueryParam("min_id") Long minId,
            @QueryParam("limit") Integer limit, @QueryParam("types[]") List<String> types,
            @QueryParam("exclude_types[]") List<String> excluded, @Context UriInfo uri) {
        Account viewer = auth.require(authorization);
        Page page = new Page(maxId, sinceId, minId, limit == null ? Page.DEFAULT_LIMIT : limit);
        List<NotificationType> kinds = wanted(types, excluded);
        List<Notification> found = kinds.isEmpty() ? List.of() : notifications.list(viewer, kinds, page);
        List<NotificationDto> body = new ArrayList<>();
        for (Notification notification : found) {
            present(viewer, notification).ifPresent(body::add);
        }
        Response.ResponseBuilder response = Response.ok(body);
        PageLinks.of(uri, found.stream().map(Notification::id).toList())
                .ifPresent(link -> response.header("Link", link));
        return response.build();
    }

    @GET
    @Path("{id}")
    public NotificationDto one(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") long id) {
        Account viewer = auth.require(authorization);
        return notifications.find(viewer, id).flatMap(found -> present(viewer, found))
                .orElseThrow(() -> ApiException.notFound("notification"));
    }

    @POST
    @Path("clear")
    public Map<String, Object> clear(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        notifications.clear(auth.require(authorization));
        return Map.of();
    }

    @POST
    @Path("{id}/dismiss")
    public Map<String, Object> dismiss(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") long id) {
        if (!notifications.dismiss(auth.require(authorization), id)) {
            throw ApiException.notFound("notification");
        }
        return Map.of();
    }

    private Optional<NotificationDto> present(Account viewer, Notification notification) {
        Optional<Account> from = accounts.findById(notification.fromAccountId());
        if (from.isEmpty()) {
            return Optional.empty();
        }
        StatusDto status = null;
        if (notification.statusId() != null) {
            Optional<Status> post = posts.find(notification.statusId())
                    .filter(found -> visibility.canSee(viewer, found));
            if (post.isEmpty()) {
                return Optional.empty();
            }
            status = models.statusFor(views.of(post.get()), viewer);
        }
        return Optional.of(models.notification(notification, from.get(), status));
    }

    private static List<NotificationType> wanted(List<String> types, List<String> excluded) {
        List<NotificationType> wanted = new ArrayList<>();
        for (NotificationType type : NotificationType.values()) {
            boolean included = types.isEmpty() || types.contains(type.apiName());
            if (included && !excluded.contains(type.apiName())) {
                wanted.add(type);
            }
        }
        return wanted;
    }
}
