package org.tributary.federation.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.net.URI;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.tributary.federation.FederationError;

class CollectionCodecTest {

    private final VocabCodec codec = new VocabCodec(URI.create("https://a.example/ns/tributary"));

    @Test
    void readsACollectionWithItsFirstPageEmbedded() {
        OrderedCollection collection = codec.readOrderedCollection(Json.object(codec, """
                {'id':'https://a.example/u/a/outbox','type':'OrderedCollection','totalItems':2,
                 'first':{'id':'https://a.example/u/a/outbox?page=1','type':'OrderedCollectionPage',
                          'orderedItems':['https://a.example/n/2','https://a.example/n/1']},
                 'last':'https://a.example/u/a/outbox?page=9'}"""));

        assertEquals(OptionalLong.of(2), collection.totalItems());
        ObjectRef.Embedded first = assertInstanceOf(ObjectRef.Embedded.class, collection.first());
        OrderedCollectionPage page = codec.readOrderedCollectionPage(first.json());
        assertEquals(2, page.orderedItems().size());
        assertEquals(URI.create("https://a.example/u/a/outbox?page=9"), collection.last());
    }

    @Test
    void roundTripsAPageWithMixedItems() {
        JsonObject note = JsonProvider.provider().createObjectBuilder()
                .add("id", "https://a.example/n/3").add("type", "Note").build();
        OrderedCollectionPage page = new OrderedCollectionPage(URI.create("https://a.example/c?page=2"),
                As2.ORDERED_COLLECTION_PAGE, OptionalLong.empty(), URI.create("https://a.example/c"),
                URI.create("https://a.example/c?page=3"), URI.create("https://a.example/c?page=1"),
                List.of(JsonProvider.provider().createValue("https://a.example/n/4"), note), null);

        JsonObject json = codec.toJson(page);

        assertEquals(json, codec.toJson(codec.readOrderedCollectionPage(json)));
        assertEquals(note, codec.readOrderedCollectionPage(json).orderedItems().get(1));
    }

    @Test
    void writesAnEmptyPageWithAnExplicitEmptyList() {
        OrderedCollectionPage page = new OrderedCollectionPage(URI.create("https://a.example/c?page=1"),
                As2.ORDERED_COLLECTION_PAGE, OptionalLong.of(0), URI.create("https://a.example/c"),
                null, null, List.of(), null);

        assertEquals(0, codec.toJson(page).getJsonArray("orderedItems").size());
    }

    @Test
    void refusesNegativeOrFractionalCounts() {
        for (String count : List.of("-1", "1.5", "'3'", "1e30")) {
            VocabException thrown = assertThrows(VocabException.class, () -> codec.readOrderedCollection(
                    Json.object(codec, "{'id':'https://a.example/c','type':'OrderedCollection','totalItems':"
                            + count + "}")));
            assertEquals(FederationError.MALFORMED_ACTIVITY, thrown.error(), count);
        }
    }
}
