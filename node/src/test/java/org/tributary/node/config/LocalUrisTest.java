package org.tributary.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalUrisTest {
    private static LocalUris at(String baseUrl) {
        return new LocalUris(new NodeConfig(URI.create(baseUrl), "127.0.0.1", 8080, Path.of("data"), "finance",
                1024, Duration.ofHours(1), Duration.ofMinutes(5)));
    }

    @Test
    void employeesLiveUnderUsers() {
        LocalUris uris = at("https://finance.example");
        assertEquals(URI.create("https://finance.example/users/alice"), uris.actor("alice"));
        assertEquals(URI.create("https://finance.example/users/alice/inbox"), uris.inbox("alice"));
        assertEquals(URI.create("https://finance.example/users/alice/outbox"), uris.outbox("alice"));
        assertEquals(URI.create("https://finance.example/users/alice/followers"), uris.followers("alice"));
        assertEquals(URI.create("https://finance.example/users/alice/following"), uris.following("alice"));
        assertEquals(URI.create("https://finance.example/users/alice#main-key"), uris.rsaKeyId("alice"));
        assertEquals(URI.create("https://finance.example/users/alice#ed25519-key"), uris.ed25519KeyId("alice"));
        assertEquals(URI.create("https://finance.example/users/alice/statuses/42"), uris.status("alice", 42));
        assertEquals(URI.create("https://finance.example/users/alice/follows/7"), uris.activity("alice", "follows", 7));
        assertEquals(URI.create("https://finance.example/inbox"), uris.sharedInbox());
        assertEquals(URI.create("https://finance.example/ns/tributary"), uris.context());
    }

    @Test
    void theInstanceActorLivesAtActor() {
        LocalUris uris = at("https://finance.example");
        assertEquals(URI.create("https://finance.example/actor"), uris.actor(LocalUris.INSTANCE_ACTOR_USERNAME));
        assertEquals(URI.create("https://finance.example/actor/inbox"), uris.inbox(LocalUris.INSTANCE_ACTOR_USERNAME));
        assertEquals(URI.create("https://finance.example/actor#main-key"),
                uris.rsaKeyId(LocalUris.INSTANCE_ACTOR_USERNAME));
    }

    @Test
    void aTrailingSlashInTheBaseUrlDoesNotDoubleUp() {
        assertEquals(URI.create("http://127.0.0.1:8081/users/bob"), at("http://127.0.0.1:8081/").actor("bob"));
    }

    @Test
    void isLocalComparesHostCaseInsensitivelyAndEffectivePorts() {
        LocalUris https = at("https://finance.example");
        assertTrue(https.isLocal(URI.create("https://finance.example/users/alice")));
        assertTrue(https.isLocal(URI.create("https://FINANCE.example:443/users/alice")), "443 is https's default");
        assertFalse(https.isLocal(URI.create("https://finance.example:8443/users/alice")));
        assertFalse(https.isLocal(URI.create("http://finance.example/users/alice")), "http means port 80");
        assertFalse(https.isLocal(URI.create("https://sales.example/users/bob")));
        assertFalse(https.isLocal(URI.create("urn:uuid:1234")));
        assertFalse(https.isLocal(null));

        LocalUris http = at("http://127.0.0.1:80");
        assertTrue(http.isLocal(URI.create("http://127.0.0.1/users/alice")), "80 is http's default");
        assertFalse(http.isLocal(URI.create("http://127.0.0.1:8081/users/alice")));
    }

    @Test
    void theAuthorityCarriesThePortOnlyWhenTheUrlHasOne() {
        assertEquals("finance.example", new NodeConfig(URI.create("https://finance.example"), "h", 1, Path.of("d"),
                "f", 1, Duration.ZERO, Duration.ZERO).authority());
        assertEquals("127.0.0.1:8081", new NodeConfig(URI.create("http://127.0.0.1:8081"), "h", 1, Path.of("d"),
                "f", 1, Duration.ZERO, Duration.ZERO).authority());
    }
}
