package org.tributary.federation.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebFingerResourceTest {

    @Test
    void parsesAccountsWithAndWithoutPorts() {
        WebFingerResource withPort = WebFingerResource.parse("acct:peer@127.0.0.1:8950").orElseThrow();
        WebFingerResource plain = WebFingerResource.parse("ACCT:Bob@Sales.Example.COM").orElseThrow();

        assertEquals(new WebFingerResource.Account("peer", "127.0.0.1:8950"), withPort);
        assertEquals("127.0.0.1:8950", withPort.authority());
        assertEquals("acct:peer@127.0.0.1:8950", withPort.asResource());
        assertEquals("sales.example.com", plain.authority(), "hosts are case-insensitive");
        assertEquals("Bob", ((WebFingerResource.Account) plain).user(), "user names are not");
    }

    @Test
    void parsesActorUrls() {
        WebFingerResource url = WebFingerResource.parse("http://127.0.0.1:8080/users/alice").orElseThrow();

        WebFingerResource.ActorUrl actor = assertInstanceOf(WebFingerResource.ActorUrl.class, url);
        assertEquals(URI.create("http://127.0.0.1:8080/users/alice"), actor.url());
        assertEquals("127.0.0.1:8080", actor.authority());
    }

    @Test
    void parsesHandlesAsPeopleTypeThem() {
        assertEquals(new WebFingerResource.Account("bob", "sales.example.com"),
                WebFingerResource.parseHandle("@bob@sales.example.com").orElseThrow());
        assertEquals("@bob@127.0.0.1:8081",
                WebFingerResource.parseHandle("bob@127.0.0.1:8081").orElseThrow().handle());
    }

    @Test
    void refusesEverythingElse() {
        for (String bad : List.of("", "acct:", "acct:@host", "acct:bob@", "acct:bob", "acct:b b@host",
                "acct:bob@host:0", "acct:bob@host:70000", "acct:bob@host/path", "acct:bob@user@host:x",
                "mailto:bob@host", "ftp://host/x", "/users/bob", "acct:" + "a".repeat(200) + "@host")) {
            assertTrue(WebFingerResource.parse(bad).isEmpty(), bad);
        }
        assertTrue(WebFingerResource.parse(null).isEmpty());
        assertTrue(WebFingerResource.parseHandle("@bob").isEmpty());
    }

    @Test
    void accountsValidateTheirParts() {
        assertThrows(IllegalArgumentException.class, () -> new WebFingerResource.Account("a/b", "host"));
        assertThrows(IllegalArgumentException.class, () -> new WebFingerResource.Account("a", "host:port"));
    }
}
