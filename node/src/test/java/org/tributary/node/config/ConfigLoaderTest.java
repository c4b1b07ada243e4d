package org.tributary.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final ConfigLoader NO_ENVIRONMENT = new ConfigLoader(Map.of());

    @TempDir
    Path dataDir;

    @Test
    void readsWhatWriteWrote() {
        ConfigLoader.write(dataDir, URI.create("https://finance.example.com"), "0.0.0.0", 8443, "finance");

        NodeConfig config = NO_ENVIRONMENT.load(dataDir);

        assertEquals(new NodeConfig(URI.create("https://finance.example.com"), "0.0.0.0", 8443, dataDir, "finance",
                1024 * 1024, Duration.ofHours(1), Duration.ofMinutes(5)), config);
    }

    @Test
    void writeCreatesTheDataDirectory() {
        Path nested = dataDir.resolve("a/b");
        ConfigLoader.write(nested, URI.create("http://127.0.0.1:8081"), "127.0.0.1", 8081, "sales");
        assertTrue(Files.isRegularFile(nested.resolve(NodeConfig.FILE_NAME)));
    }

    @Test
    void environmentVariablesOverrideTheFile() {
        ConfigLoader.write(dataDir, URI.create("http://127.0.0.1:8081"), "127.0.0.1", 8081, "finance");
        ConfigLoader loader = new ConfigLoader(Map.of("TRIBUTARY_BASE_URL", " https://finance.corp.example ",
                "TRIBUTARY_PORT", "9090", "TRIBUTARY_SIGNATURE_MAX_AGE", "PT30M", "TRIBUTARY_DEPARTMENT", "  "));

        NodeConfig config = loader.load(dataDir);

        assertEquals(URI.create("https://finance.corp.example"), config.baseUrl());
        assertEquals(9090, config.port());
        assertEquals(Duration.ofMinutes(30), config.signatureMaxAge());
        assertEquals("finance", config.department(), "a blank variable does not override");
        assertEquals("127.0.0.1", config.bindHost());
    }

    @Test
    void optionalSettingsHaveDefaults() throws IOException {
        writeFile("base.url=https://finance.example.com\n");
        NodeConfig config = NO_ENVIRONMENT.load(dataDir);
        assertEquals("127.0.0.1", config.bindHost());
        assertEquals(8080, config.port());
        assertEquals(1024 * 1024, config.maxBodyBytes());
        assertEquals(Duration.ofMinutes(5), config.signatureMaxFuture());
    }

    @Test
    void aMissingFileSaysToRunInit() {
        ConfigException e = assertThrows(ConfigException.class, () -> NO_ENVIRONMENT.load(dataDir));
        assertTrue(e.getMessage().contains("no tributary.properties in " + dataDir.toAbsolutePath()), e.getMessage());
        assertTrue(e.getMessage().contains("run 'tributary init' first"), e.getMessage());
    }

    @Test
    void aMissingBaseUrlNamesTheSettingAndItsVariable() throws IOException {
        writeFile("port=8081\n");
        ConfigException e = assertThrows(ConfigException.class, () -> NO_ENVIRONMENT.load(dataDir));
        assertTrue(e.getMessage().contains("missing required setting 'base.url' (or TRIBUTARY_BASE_URL)"),
                e.getMessage());
        assertTrue(e.getMessage().contains(dataDir.resolve(NodeConfig.FILE_NAME).toString()), e.getMessage());
    }

    @Test
    void invalidValuesNameTheSettingTheValueAndWhatIsExpected() throws IOException {
        writeFile("base.url=https://finance.example.com\nport=eighty\n");
        assertInvalid("'port' (or TRIBUTARY_PORT) is 'eighty'; expected a whole number from 1 to 65535");

        writeFile("base.url=https://finance.example.com\nport=70000\n");
        assertInvalid("'port' (or TRIBUTARY_PORT) is '70000'");

        writeFile("base.url=https://finance.example.com\nsignature.max-age=one hour\n");
        assertInvalid("'signature.max-age' (or TRIBUTARY_SIGNATURE_MAX_AGE) is 'one hour'; expected an ISO-8601");

        writeFile("base.url=https://finance.example.com\ninbox.max-body-bytes=-1\n");
        assertInvalid("'inbox.max-body-bytes' (or TRIBUTARY_INBOX_MAX_BODY_BYTES) is '-1'");

        writeFile("base.url=finance.example.com\n");
        assertInvalid("'base.url' (or TRIBUTARY_BASE_URL) is 'finance.example.com'; expected an absolute http(s) URL");

        writeFile("base.url=https://finance example.com\n");
        assertInvalid("'base.url' (or TRIBUTARY_BASE_URL) is 'https://finance example.com'");

        writeFile("base.url=ftp://finance.example.com\n");
        assertInvalid("'base.url' (or TRIBUTARY_BASE_URL) is 'ftp://finance.example.com'");
    }

    @Test
    void anInvalidEnvironmentValueIsReportedToo() {
        ConfigLoader.write(dataDir, URI.create("http://127.0.0.1:8081"), "127.0.0.1", 8081, "finance");
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigLoader(Map.of("TRIBUTARY_PORT", "http")).load(dataDir));
        assertTrue(e.getMessage().contains("'port' (or TRIBUTARY_PORT) is 'http'"), e.getMessage());
    }

    @Test
    void writeRefusesToOverwrite() throws IOException {
        ConfigLoader.write(dataDir, URI.create("http://127.0.0.1:8081"), "127.0.0.1", 8081, "finance");
        String before = Files.readString(dataDir.resolve(NodeConfig.FILE_NAME));

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.write(dataDir,
                URI.create("http://127.0.0.1:9999"), "127.0.0.1", 9999, "sales"));

        assertTrue(e.getMessage().endsWith("already exists"), e.getMessage());
        assertEquals(before, Files.readString(dataDir.resolve(NodeConfig.FILE_NAME)));
    }

    private void assertInvalid(String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> NO_ENVIRONMENT.load(dataDir));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private void writeFile(String content) throws IOException {
        Files.writeString(dataDir.resolve(NodeConfig.FILE_NAME), content);
    }
}
