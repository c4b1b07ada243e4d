package org.tributary.node.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.tributary.node.kudos.KudosCount;
import org.tributary.node.kudos.KudosService;

/**
 * {@code GET /api/v1/accounts/:id/kudos/counts}: an account's kudos counted by value. A class of its own
 * because JAX-RS picks the root resource by its longest literal path and never backtracks.
 */
@Path("/api/v1/accounts/{id}/kudos")
@Produces(MediaType.APPLICATION_JSON)
public final class AccountKudosResource {
    private final AuthService auth;
    private final AccountService accounts;
    private final KudosService kudos;

    public AccountKudosResource(AuthService auth, AccountService accounts, KudosService kudos) {
        this.auth = auth;
        this.accounts = accounts;
        this.kudos = kudos;
    }

    @GET
    @Path("counts")
    public KudosCountsDto counts(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id) {
        auth.require(authorization);
        Account account = accounts.findById(KudosResource.parseId(id))
                .orElseThrow(() -> ApiException.notFound("account"));
        List<KudosCount> counts = kudos.countsReceived(account.id());
        long received = counts.stream().mapToLong(KudosCount::count).sum();
        return new KudosCountsDto(String.valueOf(account.id()), received, kudos.countGiven(account.id()),
                counts.stream().map(count -> new KudosCountsDto.ValueCount(count.value(), count.count())).toList());
    }
}
