package org.tributary.node.api;

import jakarta.ws.rs.Consumes;
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
import java.util.Locale;
import java.util.Map;
import org.tributary.node.account.Account;
import org.tributary.node.auth.AuthService;
import org.tributary.node.http.ApiException;
import org.tributary.node.kudos.KudosRequest;
import org.tributary.node.kudos.KudosService;
import org.tributary.node.kudos.KudosView;

/**
 * Kudos (our extension of the client API): give one, read one, a person's feed of kudos received or
 * given, and the organization's feed (every kudos this node knows). Lists page like Mastodon's.
 */
@Path("/api/v1/kudos")
@Produces(MediaType.APPLICATION_JSON)
public final class KudosResource {
    private final AuthService auth;
    private final KudosService kudos;
    private final ClientModels models;

    public KudosResource(AuthService auth, KudosService kudos, ClientModels models) {
        this.auth = auth;
        this.kudos = kudos;
        this.models = models;
    }

    /** {@code recipient_ids[]}, {@code message}, {@code value}; as a form or JSON. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public KudosDto give(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        Account giver = auth.require(authorization);
        RequestParams params = RequestParams.parse(contentType, body);
        List<Long> recipients = new ArrayList<>();
        for (String id : params.all("recipient_ids")) {
            recipients.add(parseId(id));
        }
        return dto(kudos.give(giver, new KudosRequest(recipients, params.get("message"), params.get("value"))),
                giver);
    }

    /** {@code account_id} (default: the caller) and {@code direction} ({@code received}, the default, or {@code given}). */
    @GET
    public Response feed(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("account_id") String accountId, @QueryParam("direction") String direction,
            @QueryParam("max_id") Long maxId, @QueryParam("since_id") Long sinceId, @QueryParam("min_id") Long minId,
            @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        Account viewer = auth.require(authorization);
        long account = accountId == null || accountId.isBlank() ? viewer.id() : parseId(accountId);
        List<KudosView> found = kudos.feed(viewer, account, direction(direction),
                Paging.page(maxId, sinceId, minId, limit));
        return respond(found, viewer, uri);
    }

    @GET
    @Path("organization")
    public Response organization(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("max_id") Long maxId, @QueryParam("since_id") Long sinceId, @QueryParam("min_id") Long minId,
            @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        Account viewer = auth.require(authorization);
        return respond(kudos.organization(viewer, Paging.page(maxId, sinceId, minId, limit)), viewer, uri);
    }

    @GET
    @Path("{id}")
    public KudosDto one(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        Account viewer = auth.require(authorization);
        return dto(kudos.find(viewer, parseId(id)).orElseThrow(() -> ApiException.notFound("kudos")), viewer);
    }

    private Response respond(List<KudosView> found, Account viewer, UriInfo uri) {
        Map<Long, StatusDto> posts = models.statusesByIdFor(found.stream().map(KudosView::post).toList(), viewer);
        return Paging.respond(found.stream().map(view -> dto(view, posts.get(view.post().status().id()))).toList(),
                found, view -> view.kudos().statusId(), uri);
    }

    /** The post as {@code viewer} sees it: with whether they liked and boosted it. */
    private KudosDto dto(KudosView view, Account viewer) {
        return dto(view, models.statusFor(view.post(), viewer));
    }

    private KudosDto dto(KudosView view, StatusDto status) {
        return new KudosDto(status.id(), status.uri(), status.createdAt(), models.account(view.giver()),
                view.recipients().stream().map(models::account).toList(), view.kudos().message(), view.kudos().value(),
                status);
    }

    private static KudosService.Direction direction(String text) {
        if (text == null || text.isBlank()) {
            return KudosService.Direction.RECEIVED;
        }
        try {
            return KudosService.Direction.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_direction", "direction is received or given");
        }
    }

    static long parseId(String id) {
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw ApiException.notFound("account");
        }
    }
}
