package org.tributary.node.api;

import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.tributary.node.account.AccountService;
import org.tributary.node.config.NodeConfig;
import org.tributary.node.post.PostService;

/**
 * Mastodon's v2 instance document ({@code /api/v2/instance}), which newer clients read first to learn
 * the node's name, limits and rules.
 */
@Path("/api/v2/instance")
public final class InstanceV2Resource {
    private final NodeConfig config;
    private final AccountService accounts;

    public InstanceV2Resource(NodeConfig config, AccountService accounts) {
        this.config = config;
        this.accounts = accounts;
    }

    @GET
    public Response instance() {
        String body = Json.createObjectBuilder()
                .add("domain", config.authority())
                .add("title", "Tributary · " + config.department())
                .add("version", "4.0.0 (compatible; Tributary 0.1.0)")
                .add("source_url", "")
                .add("description", "The " + config.department() + " node of the organization's network")
                .add("usage", Json.createObjectBuilder().add("users", Json.createObjectBuilder()
                        .add("active_month", accounts.listEmployees().size())))
                .add("languages", Json.createArrayBuilder().add("en"))
                .add("configuration", Json.createObjectBuilder()
                        .add("urls", Json.createObjectBuilder())
                        .add("accounts", Json.createObjectBuilder().add("max_featured_tags", 0))
                        .add("statuses", Json.createObjectBuilder()
                                .add("max_characters", PostService.MAX_CHARACTERS)
                                .add("max_media_attachments", 0)
                                .add("characters_reserved_per_url", 23))
                        .add("media_attachments", Json.createObjectBuilder()
                                .add("supported_mime_types", Json.createArrayBuilder())
                                .add("image_size_limit", 0).add("video_size_limit", 0))
                        .add("polls", Json.createObjectBuilder().add("max_options", 0)
                                .add("max_characters_per_option", 0).add("min_expiration", 0)
                                .add("max_expiration", 0))
                        .add("translation", Json.createObjectBuilder().add("enabled", false)))
                .add("registrations", Json.createObjectBuilder().add("enabled", false)
                        .add("approval_required", true).addNull("message"))
                .add("contact", Json.createObjectBuilder().add("email", "").addNull("account"))
                .add("rules", Json.createArrayBuilder())
                .build().toString();
        return Response.ok(body, "application/json").build();
    }
}
