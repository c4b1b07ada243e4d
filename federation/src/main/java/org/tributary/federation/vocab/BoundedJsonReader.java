package org.tributary.federation.vocab;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tributary.federation.FederationError;

/**
 * Parses untrusted JSON bytes into JSON-P values within {@link JsonLimits}. The tree is built with
 * an explicit stack (no recursion, so no stack overflow), the bytes must be valid UTF-8, duplicate
 * property names are refused (two readers of the same bytes must never see different values), and
 * trailing content after the top-level value is refused. Every failure is a {@link VocabException}.
 */
public final class BoundedJsonReader {

    private final JsonLimits limits;
    private final JsonProvider provider;
    private final JsonParserFactory parserFactory;

    public BoundedJsonReader(JsonLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.provider = JsonProvider.provider();
        this.parserFactory = provider.createParserFactory(Map.of());
    }

    public JsonLimits limits() {
        return limits;
    }

    /**
     * Reads one JSON value.
     *
     * @throws VocabException {@code BODY_TOO_LARGE} over the byte limit, otherwise {@code MALFORMED_JSON}
     */
    public JsonValue read(byte[] body) {
        if (body == null || body.length == 0) {
            throw VocabException.malformedJson("empty body");
        }
        if (body.length > limits.maxBytes()) {
            throw new VocabException(FederationError.BODY_TOO_LARGE,
                    "body of " + body.length + " bytes exceeds " + limits.maxBytes());
        }
        String text = decodeUtf8(body);
        try (JsonParser parser = parserFactory.createParser(new StringReader(text))) {
            return build(parser);
        } catch (VocabException e) {
            throw e;
        } catch (RuntimeException e) {
            // Parsson signals syntax errors with JsonParsingException/JsonException; anything else it
            // throws on hostile input is equally a syntax problem from our point of view.
            throw VocabException.malformedJson("invalid JSON: " + shorten(e.getMessage()));
        }
    }

    private JsonValue build(JsonParser parser) {
        Deque<Frame> stack = new ArrayDeque<>();
        JsonValue result = null;
        if (!parser.hasNext()) {
            throw VocabException.malformedJson("no JSON value");
        }
        while (result == null) {
            if (!parser.hasNext()) {
                throw VocabException.malformedJson("truncated JSON");
            }
            JsonParser.Event event = parser.next();
            JsonValue completed = null;
            switch (event) {
                case START_OBJECT, START_ARRAY -> {
                    if (stack.size() >= limits.maxDepth()) {
                        throw VocabException.malformedJson("nesting deeper than " + limits.maxDepth());
                    }
                    stack.push(event == JsonParser.Event.START_OBJECT
                            ? Frame.object(provider.createObjectBuilder())
                            : Frame.array(provider.createArrayBuilder()));
                }
                case KEY_NAME -> {
                    String key = checkedString(parser.getString());
                    Frame frame = stack.peek();
                    if (!frame.keys.add(key)) {
                        throw VocabException.malformedJson("duplicate property name");
                    }
                    frame.pendingKey = key;
                }
                case VALUE_STRING -> completed = provider.createValue(checkedString(parser.getString()));
                case VALUE_NUMBER -> {
                    if (parser.getString().length() > JsonLimits.MAX_NUMBER_LENGTH) {
                        throw VocabException.malformedJson("number literal too long");
                    }
                    completed = provider.createValue(parser.getBigDecimal());
                }
                case VALUE_TRUE -> completed = JsonValue.TRUE;
                case VALUE_FALSE -> completed = JsonValue.FALSE;
                case VALUE_NULL -> completed = JsonValue.NULL;
                case END_OBJECT, END_ARRAY -> completed = stack.pop().build();
                default -> throw VocabException.malformedJson("unexpected JSON event " + event);
            }
            if (completed != null) {
                if (stack.isEmpty()) {
                    result = completed;
                } else {
                    stack.peek().add(completed);
                }
            }
        }
        if (parser.hasNext()) {
            throw VocabException.malformedJson("content after the JSON value");
        }
        return result;
    }

    private String checkedString(String value) {
        if (value.length() > limits.maxStringLength()) {
            throw VocabException.malformedJson("string longer than " + limits.maxStringLength());
        }
        return value;
    }

    private static String decodeUtf8(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
            // A byte order mark is not JSON, but some servers send one; it carries no meaning.
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw VocabException.malformedJson("body is not valid UTF-8");
        }
    }

    private static String shorten(String message) {
        if (message == null) {
            return "syntax error";
        }
        return message.length() > 200 ? message.substring(0, 200) : message;
    }

    /** One open object or array while building. */
    private static final class Frame {
        final JsonObjectBuilder object;
        final JsonArrayBuilder array;
        final Set<String> keys = new HashSet<>();
        String pendingKey;

        private Frame(JsonObjectBuilder object, JsonArrayBuilder array) {
            this.object = object;
            this.array = array;
        }

        static Frame object(JsonObjectBuilder builder) {
            return new Frame(builder, null);
        }

        static Frame array(JsonArrayBuilder builder) {
            return new Frame(null, builder);
        }

        void add(JsonValue value) {
            if (object != null) {
                object.add(pendingKey, value);
                pendingKey = null;
            } else {
                array.add(value);
            }
        }

        JsonValue build() {
            return object != null ? object.build() : array.build();
        }
    }
}
