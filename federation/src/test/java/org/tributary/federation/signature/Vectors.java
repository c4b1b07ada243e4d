package org.tributary.federation.signature;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.tributary.federation.http.HeaderMap;
import org.tributary.federation.http.HttpRequestParts;

/** Reads the published test vectors in {@code spec/vectors} (format described in its README). */
final class Vectors {
    static final Path DIR = Path.of("..", "spec", "vectors");

    private Vectors() {
    }

    static String text(String name) {
        try {
            return Files.readString(DIR.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Properties properties(String name) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(DIR.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    static PublicKey publicKey(String name) throws KeyFormatException {
        return KeyCodec.decodePublicKeyPem(text(name));
    }

    static PrivateKey privateKey(String name) throws KeyFormatException {
        return KeyCodec.decodePrivateKeyPem(text(name));
    }

    static Clock clockAt(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    /** An {@code .http} request file, sent over https to its {@code Host}. */
    static HttpRequestParts request(String name) {
        String text = text(name);
        int split = text.indexOf("\n\n");
        String head = text.substring(0, split);
        String body = text.substring(split + 2);
        if (body.endsWith("\n")) {
            body = body.substring(0, body.length() - 1);
        }
        String[] lines = head.split("\n");
        String[] requestLine = lines[0].split(" ");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon), n -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        String host = headers.get("Host").get(0);
        return new HttpRequestParts(requestLine[0], URI.create("https://" + host + requestLine[1]),
                HeaderMap.of(headers), body.getBytes(StandardCharsets.UTF_8));
    }
}
