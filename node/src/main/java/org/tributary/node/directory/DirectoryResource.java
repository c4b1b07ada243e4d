package org.tributary.node.directory;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.tributary.node.api.AccountDto;
import org.tributary.node.api.ClientModels;
import org.tributary.node.auth.AuthService;
import org.tributary.node.http.ApiException;

/**
 * Mastodon's profile directory ({@code GET /api/v1/directory}: offset, limit, order, local) and our
 * organization-wide search ({@code GET /api/v1/directory/search?q=}) across every allowlisted node.
 */
@Path("/api/v1/directory")
@Produces(MediaType.APPLICATION_JSON)
public final class DirectoryResource {
    private final AuthService auth;
    private final Directory directory;
    private final DirectorySearch search;
    private final ClientModels models;

    public DirectoryResource(AuthService auth, Directory directory, DirectorySearch search, ClientModels models) {
        this.auth = auth;
        this.directory = directory;
        this.search = search;
        this.models = models;
    }

    /** The search's answer: people (each with the node that listed them) and how each node answered. */
    public record SearchDto(String query, List<HitDto> accounts, List<PeerOutcome> nodes) {
    }

    /** A person found; {@code id} is the account id on this node when it knows them (else null). */
    public record HitDto(String id, String uri, String username, String acct, String displayName, String node,
            String avatar, AccountDto.ProfileExtensionDto tributary) {
    }

    @GET
    public List<AccountDto> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @QueryParam("order") String order, @QueryParam("local") boolean local) {
        auth.require(authorization);
        return models.accounts(directory.list("", local, order(order), offset == null ? 0 : offset,
                limit == null ? 40 : limit).stream().map(entry -> entry.account()).toList());
    }

    @GET
    @Path("search")
    public SearchDto search(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("q") String query) {
        auth.require(authorization);
        DirectorySearch.Result result = search.search(query);
        List<HitDto> hits = result.hits().stream().map(DirectoryResource::hit).toList();
        return new SearchDto(query == null ? "" : query, hits, result.nodes());
    }

    private static HitDto hit(DirectoryHit hit) {
        return new HitDto(hit.localId().map(String::valueOf).orElse(null), hit.uri().toString(), hit.username(),
                hit.username() + "@" + hit.node(), hit.displayName(), hit.node(),
                hit.avatar().map(Object::toString).orElse(null),
                new AccountDto.ProfileExtensionDto(hit.department(), hit.title(), hit.location()));
    }

    private static DirectoryStore.Order order(String value) {
        if (value == null || value.isBlank()) {
            return DirectoryStore.Order.ACTIVE;
        }
        try {
            return DirectoryStore.Order.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_order", "order is active or new");
        }
    }
}
