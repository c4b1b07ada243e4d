package org.tributary.federation.vocab;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;

/** Test helper: JSON written with single quotes for readability. */
final class Json {

    private Json() {
    }

    static byte[] bytes(String singleQuoted) {
        return singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }

    static JsonObject object(VocabCodec codec, String singleQuoted) {
        return codec.parse(bytes(singleQuoted));
    }
}
