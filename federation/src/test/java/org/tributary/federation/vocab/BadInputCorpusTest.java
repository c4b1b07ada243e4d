package org.tributary.federation.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tributary.federation.FederationError;

/**
 * Every file in {@code bad/} must be refused with the code its name starts with
 * ({@code malformed_json.*} or {@code malformed_activity.*}), and with nothing but a VocabException.
 */
class BadInputCorpusTest {

    private final VocabCodec codec = VocabCodec.forRemote();

    static Stream<Path> corpus() throws IOException, URISyntaxException {
        Path dir = Path.of(BadInputCorpusTest.class.getResource("bad").toURI());
        return Files.list(dir).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void refusesWithTheExpectedCode(Path file) throws IOException {
        byte[] body;
        try (InputStream in = Files.newInputStream(file)) {
            body = in.readAllBytes();
        }
        String name = file.getFileName().toString();
        FederationError expected = FederationError.valueOf(
                name.substring(0, name.indexOf('.')).toUpperCase(Locale.ROOT));

        VocabException thrown = assertThrows(VocabException.class, () -> codec.parseActivity(body));

        assertEquals(expected, thrown.error(), () -> name + ": " + thrown.getMessage());
        assertTrue(thrown.getMessage().length() < 400, "messages stay short");
    }
}
