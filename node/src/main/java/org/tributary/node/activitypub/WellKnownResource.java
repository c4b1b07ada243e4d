package org.tributary.node.activitypub;

import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.tributary.federation.discovery.NodeInfoCodec;
import org.tributary.federation.discovery.NodeInfoDocument;
import org.tributary.federation.discovery.WebFingerCodec;
import org.tributary.federation.discovery.WebFingerDocument;
import org.tributary.federation.discovery.WebFingerResource;
import org.tributary.federation.vocab.Contexts;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountService;
import org.tributary.node.config.LocalUris;
import org.tributary.node.config.NodeConfig;
import org.tributary.node.http.ApiException;
import org.tributary.node.http.ErrorBodies;
import org.tributary.node.post.PostService;

/**
 * The discovery documents, served without a signature: WebFinger (RFC 7033), NodeInfo 2.1 and our
 * JSON-LD context. They say who exists here and what we speak, nothing more.
 */
@Path("/")
public final class WellKnownResource {
    private final AccountService accounts;
    private final PostService posts;
    private final Contexts contexts;
    private final LocalUris uris;
    private final NodeConfig config;
    private final WebFingerCodec webFingerCodec = new WebFingerCodec();
    private final NodeInfoCodec nodeInfoCodec = new NodeInfoCodec();

    public WellKnownResource(AccountService accounts, PostService posts, Contexts contexts, LocalUris uris,
            NodeConfig config) {
        this.accounts = accounts;
        this.posts = posts;
        this.contexts = contexts;
        this.uris = uris;
        this.config = config;
    }

    @GET
    @Path(".well-known/webfinger")
    public Response webFinger(@QueryParam("resource") String resource) {
        if (resource == null || resource.isBlank()) {
            return ErrorBodies.response(400, "invalid_resource", "the resource parameter is required");
        }
        Optional<WebFingerResource> parsed = WebFingerResource.parse(resource);
        if (parsed.isEmpty()) {
            return ErrorBodies.response(400, "invalid_resource", "expected acct:user@host or an actor URL");
        }
        Account account = employeeNamedBy(parsed.get()).orElseThrow(() -> ApiException.notFound("account"));
        WebFingerResource.Account subject = new WebFingerResource.Account(account.username(), config.authority());
        WebFingerDocument document = WebFingerDocument.forAccount(subject, account.uri(), null);
        return Response.ok(webFingerCodec.toJson(document).toString(), WebFingerCodec.MEDIA_TYPE)
                .header("Access-Control-Allow-Origin", "*").build();
    }

    @GET
    @Path(".well-known/nodeinfo")
    public Response nodeInfoLinks() {
        return Response.ok(nodeInfoCodec.wellKnown(uris.base().resolve("/nodeinfo/2.1")).toString(),
                "application/json").build();
    }

    @GET
    @Path("nodeinfo/2.1")
    public Response nodeInfo() {
        long employees = accounts.listEmployees().size();
        NodeInfoDocument document = NodeInfoDocument.of(new NodeInfoDocument.Software("tributary", "0.1.0"),
                new NodeInfoDocument.Usage(employees, employees, employees, posts.countLocal()),
                Json.createObjectBuilder().add("department", config.department()).build());
        return Response.ok(nodeInfoCodec.toJson(document).toString(), NodeInfoCodec.MEDIA_TYPE).build();
    }

    @GET
    @Path("ns/tributary")
    public Response context() {
        return Response.ok(contexts.tributary(), "application/ld+json")
                .header("Cache-Control", "public, max-age=86400").build();
    }

    private Optional<Account> employeeNamedBy(WebFingerResource resource) {
        if (resource instanceof WebFingerResource.Account acct) {
            if (!acct.authority().equals(config.authority().toLowerCase(Locale.ROOT))) {
                return Optional.empty();
            }
            return accounts.findEmployee(acct.user()).filter(account -> !account.suspended());
        }
        URI url = ((WebFingerResource.ActorUrl) resource).url();
        String prefix = uris.base().toString().replaceAll("/+$", "") + "/users/";
        String text = url.toString();
        return text.startsWith(prefix) ? accounts.findEmployee(text.substring(prefix.length()))
                .filter(account -> !account.suspended()) : Optional.empty();
    }

}
