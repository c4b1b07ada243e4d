package org.tributary.federation.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tributary.federation.FederationError;

class DiscoveryCodecTest {

    private final WebFingerCodec webFinger = new WebFingerCodec();
    private final NodeInfoCodec nodeInfo = new NodeInfoCodec();

    private static byte[] bytes(String singleQuoted) {
        return singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void webFingerDocumentsRoundTrip() throws DiscoveryException {
        WebFingerDocument document = WebFingerDocument.forAccount(
                new WebFingerResource.Account("alice", "hr.example"),
                URI.create("https://hr.example/users/alice"), URI.create("https://hr.example/@alice"));

        WebFingerDocument read = webFinger.read(webFinger.toBytes(document), 4096);

        assertEquals(document, read);
        assertEquals("acct:alice@hr.example", read.subject());
        assertEquals(URI.create("https://hr.example/users/alice"), read.activityPubSelf().orElseThrow().href());
        assertEquals("application/activity+json",
                webFinger.toJson(document).getJsonArray("links").getJsonObject(0).getString("type"));
    }

    @Test
    void webFingerReadingSkipsLinksThatCannotBeFollowed() throws DiscoveryException {
        WebFingerDocument read = webFinger.read(bytes("""
                {'subject':'acct:a@h.example','aliases':['https://h.example/u/a',7],
                 'links':[{'type':'application/activity+json','href':'https://h.example/u/a'},
                          {'rel':'self','type':'application/activity+json','href':'javascript:alert(1)'},
                          {'rel':'subscribe','template':'https://h.example/f?u={uri}'},
                          'junk']}"""), 4096);

        assertEquals(List.of("https://h.example/u/a"), read.aliases());
        assertEquals(1, read.links().size());
        assertEquals("https://h.example/f?u={uri}", read.links().get(0).template());
        assertTrue(read.activityPubSelf().isEmpty());
    }

    @Test
    void webFingerReadingRequiresASubject() {
        for (String bad : List.of("{'links':[]}", "[1]", "{'subject':5}", "{")) {
            DiscoveryException thrown = assertThrows(DiscoveryException.class, () -> webFinger.read(bytes(bad), 4096));
            assertEquals(FederationError.FETCH_FAILED, thrown.error(), bad);
        }
    }

    @Test
    void recognisesBothActivityPubMediaTypes() {
        URI href = URI.create("https://h.example/u/a");

        assertTrue(new WebFingerLink("self", "application/activity+json", href, null).isActivityPubSelf());
        assertTrue(new WebFingerLink("self", "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"",
                href, null).isActivityPubSelf());
        assertFalse(new WebFingerLink("self", "application/ld+json", href, null).isActivityPubSelf());
        assertFalse(new WebFingerLink("alternate", "application/activity+json", href, null).isActivityPubSelf());
    }

    @Test
    void writesNodeInfoInTheShapeOfTheSchema() {
        NodeInfoDocument document = NodeInfoDocument.of(new NodeInfoDocument.Software("tributary", "0.1.0"),
                new NodeInfoDocument.Usage(3, 2, 3, 10), null);

        JsonObject json = nodeInfo.toJson(document);

        assertEquals("2.1", json.getString("version"));
        assertEquals("tributary", json.getJsonObject("software").getString("name"));
        assertEquals("activitypub", json.getJsonArray("protocols").getString(0));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, json.getJsonObject("services").getJsonArray("inbound"));
        assertFalse(json.getBoolean("openRegistrations"));
        assertEquals(3, json.getJsonObject("usage").getJsonObject("users").getInt("total"));
        assertEquals(2, json.getJsonObject("usage").getJsonObject("users").getInt("activeMonth"));
        assertEquals(10, json.getJsonObject("usage").getInt("localPosts"));
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, json.getJsonObject("metadata"));
        assertEquals(NodeInfoDocument.SCHEMA_REL, nodeInfo.wellKnown(URI.create("https://h.example/nodeinfo/2.1"))
                .getJsonArray("links").getJsonObject(0).getString("rel"));
    }

    @Test
    void readsPeersThatHideUsage() throws DiscoveryException {
        NodeInfoDocument read = nodeInfo.read(bytes("""
                {'version':'2.1','software':{'name':'mastodon','version':'4.3.0'},'protocols':['activitypub'],
                 'services':{'inbound':[],'outbound':[]},'openRegistrations':true,'usage':{'users':{}},'metadata':{}}"""),
                4096);

        assertEquals("mastodon", read.software().name());
        assertTrue(read.openRegistrations());
        assertEquals(new NodeInfoDocument.Usage(0, 0, 0, 0), read.usage());
    }

    @Test
    void refusesDocumentsThatAreNotNodeInfoTwoPointOne() {
        for (String bad : List.of(
                "{'version':'2.0','software':{'name':'x','version':'1'},'openRegistrations':false}",
                "{'version':'2.1','software':{'name':'Bad Name','version':'1'},'openRegistrations':false}",
                "{'version':'2.1','software':{'name':'x','version':'1'}}",
                "{'version':'2.1','software':{'name':'x','version':'1'},'openRegistrations':false,'usage':{'localPosts':-4}}",
                "{'version':'2.1','openRegistrations':false}")) {
            assertEquals(FederationError.FETCH_FAILED,
                    assertThrows(DiscoveryException.class, () -> nodeInfo.read(bytes(bad), 4096), bad).error());
        }
    }
}
