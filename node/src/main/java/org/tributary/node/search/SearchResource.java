package org.tributary.node.search;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.tributary.node.account.Account;
import org.tributary.node.api.AccountDto;
import org.tributary.node.api.ClientModels;
import org.tributary.node.api.StatusDto;
import org.tributary.node.auth.AuthService;
import org.tributary.node.config.LocalUris;
import org.tributary.node.http.ApiException;

/** Mastodon's {@code GET /api/v2/search}: q, type (accounts, statuses, hashtags), resolve, limit, offset. */
@Path("/api/v2/search")
@Produces(MediaType.APPLICATION_JSON)
public final class SearchResource {
    private final AuthService auth;
    private final SearchService search;
    private final ClientModels models;
    private final LocalUris uris;

    public SearchResource(AuthService auth, SearchService search, ClientModels models, LocalUris uris) {
        this.auth = auth;
        this.search = search;
        this.models = models;
        this.uris = uris;
    }

    /** Mastodon's Search entity. */
    public record SearchDto(List<AccountDto> accounts, List<StatusDto> statuses, List<HashtagDto> hashtags) {
    }

    /** Mastodon's Tag entity; we keep no usage history. */
    public record HashtagDto(String name, String url, List<Object> history) {
    }

    @GET
    public SearchDto search(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("q") String query,
            @QueryParam("type") String type, @QueryParam("resolve") boolean resolve,
            @QueryParam("limit") Integer limit, @QueryParam("offset") Integer offset) {
        Account viewer = auth.require(authorization);
        if (query == null) {
            throw ApiException.badRequest("missing_q", "the q parameter is required");
        }
        SearchResults results = search.search(viewer, query, type(type), resolve,
                limit == null ? SearchService.DEFAULT_LIMIT : limit, offset == null ? 0 : offset);
        return new SearchDto(results.accounts().stream().map(models::account).toList(),
                models.statusesFor(results.statuses(), viewer),
                results.hashtags().stream().map(name -> new HashtagDto(name, uris.tag(name).toString(), List.of()))
                        .toList());
    }

    private static SearchService.Type type(String value) {
        if (value == null || value.isBlank()) {
            return SearchService.Type.ALL;
        }
        try {
            SearchService.Type type = SearchService.Type.valueOf(value.strip().toUpperCase(Locale.ROOT));
            if (type == SearchService.Type.ALL) {
                throw new IllegalArgumentException(value);
            }
            return type;
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_type", "type is accounts, statuses or hashtags");
        }
    }
}
