package org.tributary.node.api;

import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.tributary.node.account.AccountService;
import org.tributary.node.config.NodeConfig;

/** Mastodon's instance document ({@code /api/v1/instance}), which clients read before anything else. */
@Path("/api/v1/instance")
public final class InstanceResource {
    private final NodeConfig config;
    private final AccountService accounts;

    public InstanceResource(NodeConfig config, AccountService accounts) {
        this.config = config;
        this.accounts = accounts;
    }

    @GET
    public Response instance() {
        String body = Json.createObjectBuilder()
                .add("uri", config.authority())
                .add("title", "Tributary · " + config.department())
                .add("short_description", "The " + config.department() + " node of the organization's network")
                .add("description", "")
                .add("email", "")
                .add("version", "4.0.0 (compatible; Tributary 0.1.0)")
                .add("registrations", false)
                .add("approval_required", true)
                .add("invites_enabled", false)
                .add("urls", Json.createObjectBuilder())
                .add("stats", Json.createObjectBuilder().add("user_count", accounts.listEmployees().size())
                        .add("status_count", 0).add("domain_count", 0))
                .add("languages", Json.createArrayBuilder().add("en"))
                .add("configuration", Json.createObjectBuilder().add("statuses", Json.createObjectBuilder()
                        .add("max_characters", org.tributary.node.post.PostService.MAX_CHARACTERS)
                        .add("max_media_attachments", 4)))
                .build().toString();
        return Response.ok(body, "application/json").build();
    }
}
