package org.tributary.node.audit;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.tributary.federation.audit.AuditDirection;
import org.tributary.federation.audit.AuditFormatException;
import org.tributary.node.account.Account;
import org.tributary.node.account.Role;
import org.tributary.node.auth.AuthService;
import org.tributary.node.http.ApiException;

/**
 * The audit API (spec/audit-log.md §API), for auditors and administrators only. It has no endpoint that
 * changes anything: every path answers GET, and {@code sparql} also POST for long queries, which are
 * read-only too (SPARQL Update is refused). Any other method gets 405 from JAX-RS.
 */
@Path("/api/v1/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditResource {
    private static final int MAX_HISTORY = 500;

    private final AuthService auth;
    private final AuditReader reader;
    private final AuditJson json = new AuditJson();

    public AuditResource(AuthService auth, AuditReader reader) {
        this.auth = auth;
        this.reader = reader;
    }

    @GET
    @Path("entries")
    public String entries(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("peer") String peer,
            @QueryParam("actor") String actor, @QueryParam("type") String type,
            @QueryParam("direction") String direction, @QueryParam("kind") String kind,
            @QueryParam("result") String result, @QueryParam("after") @DefaultValue("-1") long after,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        requireAuditor(authorization);
        if (limit < 1 || limit > AuditFilter.MAX_LIMIT) {
            throw ApiException.badRequest("invalid_limit", "limit must be 1.." + AuditFilter.MAX_LIMIT);
        }
        AuditFilter filter = new AuditFilter(instant("from", from), instant("to", to), text(peer), text(actor),
                text(type), direction(direction), text(kind), text(result), after, limit);
        return json.page(reader.list(filter)).toString();
    }

    @GET
    @Path("entries/{sequence}")
    public String entry(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("sequence") long sequence) {
        requireAuditor(authorization);
        try {
            return json.inclusion(reader.inclusion(sequence).orElseThrow(() -> ApiException.notFound("entry")))
                    .toString();
        } catch (AuditFormatException e) {
            throw new ApiException(409, "not_yet_checkpointed", e.getMessage());
        }
    }

    @GET
    @Path("consistency")
    public String consistency(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("from") long from, @QueryParam("to") long to) {
        requireAuditor(authorization);
        try {
            return json.consistency(reader.consistency(from, to)).toString();
        } catch (AuditFormatException e) {
            throw ApiException.badRequest("invalid_tree_sizes", e.getMessage());
        }
    }

    @GET
    @Path("checkpoints/latest")
    public String latestCheckpoint(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        requireAuditor(authorization);
        return json.checkpoint(reader.latestCheckpoint().orElseThrow(() -> ApiException.notFound("checkpoint")))
                .toString();
    }

    /** The last accepted checkpoint of every peer, or one peer's whole witnessed history with {@code peer}. */
    @GET
    @Path("checkpoints/witnessed")
    public String witnessed(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("peer") String peer) {
        requireAuditor(authorization);
        JsonArrayBuilder array = Json.createArrayBuilder();
        (peer == null || peer.isBlank() ? reader.witnessed() : reader.witnessedHistory(peer, MAX_HISTORY))
                .forEach(w -> array.add(json.witnessed(w)));
        return array.build().toString();
    }

    @GET
    @Path("alerts")
    public String alerts(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        requireAuditor(authorization);
        JsonArrayBuilder array = Json.createArrayBuilder();
        reader.alerts(MAX_HISTORY).forEach(alert -> array.add(json.alert(alert)));
        return array.build().toString();
    }

    @GET
    @Path("sparql")
    @Produces({"application/sparql-results+json", "application/n-triples", MediaType.APPLICATION_JSON})
    public Response sparqlGet(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("query") String query) {
        return sparql(authorization, query);
    }

    @POST
    @Path("sparql")
    @Consumes("application/sparql-query")
    @Produces({"application/sparql-results+json", "application/n-triples", MediaType.APPLICATION_JSON})
    public Response sparqlPost(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String query) {
        return sparql(authorization, query);
    }

    @POST
    @Path("sparql")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({"application/sparql-results+json", "application/n-triples", MediaType.APPLICATION_JSON})
    public Response sparqlForm(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @FormParam("query") String query, @FormParam("update") String update) {
        if (update != null) {
            requireAuditor(authorization);
            throw ApiException.badRequest("sparql_update_forbidden", "the audit log is read-only");
        }
        return sparql(authorization, query);
    }

    private Response sparql(String authorization, String query) {
        requireAuditor(authorization);
        if (query == null || query.isBlank()) {
            throw ApiException.badRequest("missing_query", "a SPARQL query is required");
        }
        SparqlOutcome outcome = reader.sparql(query);
        if (outcome instanceof SparqlOutcome.Refused refused) {
            throw new ApiException(refused.status(), refused.code(), refused.detail());
        }
        SparqlOutcome.Answered answered = (SparqlOutcome.Answered) outcome;
        return Response.ok(answered.body(), answered.mediaType()).build();
    }

    private Account requireAuditor(String authorization) {
        Account account = auth.require(authorization);
        if (account.role() != Role.AUDITOR && account.role() != Role.ADMIN) {
            throw ApiException.forbidden("forbidden", "the audit log is open to auditors and administrators only");
        }
        return account;
    }

    private static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static Optional<Instant> instant(String name, String value) {
        try {
            return text(value).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_time", name + " must be an RFC 3339 UTC time, e.g. "
                    + "2025-03-01T00:00:00Z");
        }
    }

    private static Optional<AuditDirection> direction(String value) {
        try {
            return text(value).map(AuditDirection::fromWireName);
        } catch (AuditFormatException e) {
            throw ApiException.badRequest("invalid_direction", "direction is inbound, outbound or local");
        }
    }
}
