package org.tributary.node.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tributary.federation.signature.KeyAlgorithm;
import org.tributary.federation.signature.KeyCodec;
import org.tributary.node.config.LocalUris;
import org.tributary.node.http.ApiException;
import org.tributary.node.keys.ActorKey;
import org.tributary.node.keys.KeyPems;
import org.tributary.node.store.Jdbc;
import org.tributary.node.testing.TestServices;

class AccountServiceTest {
    private static final Instant NOW = Instant.parse("2025-03-05T09:15:00Z");
    private static TestServices node;

    @BeforeAll
    static void createNode() {
        node = new TestServices(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void dropNode() {
        node.close();
    }

    @Test
    void createsAnEmployeeWithItsUrisAndPassword() {
        Account carol = node.accounts.createEmployee("carol_2", TestServices.PASSWORD, "Carol (Finance)", Role.ADMIN);

        assertEquals("carol_2", carol.username());
        assertTrue(carol.isLocal());
        assertEquals("carol_2", carol.acct());
        assertEquals("Carol (Finance)", carol.displayName());
        assertEquals(Role.ADMIN, carol.role());
        assertEquals(URI.create("https://finance.example/users/carol_2"), carol.uri());
        assertEquals(URI.create("https://finance.example/users/carol_2/inbox"), carol.inbox());
        assertEquals(URI.create("https://finance.example/inbox"), carol.deliveryInbox());
        assertEquals(NOW, carol.createdAt());
        assertEquals(Optional.of(carol), node.accounts.findLocal("carol_2"));
        assertEquals(Optional.of(carol), node.accounts.findById(carol.id()));
        String stored = node.database.inTransaction(connection -> node.credentials.passwordHash(connection,
                carol.id())).orElseThrow();
        assertTrue(node.hasher.matches(TestServices.PASSWORD, stored));
    }

    @Test
    void theDisplayNameDefaultsToTheUsername() {
        assertEquals("dave", node.accounts.createEmployee("dave", TestServices.PASSWORD, null, Role.EMPLOYEE)
                .displayName());
        assertEquals("erin", node.accounts.createEmployee("erin", TestServices.PASSWORD, "  ", Role.EMPLOYEE)
                .displayName());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "Alice", "al ice", "al-ice", "alice@finance", "_instance", "_bob", "ålice",
        "abcdefghijklmnopqrstuvwxyz12345"})
    void refusesInvalidUsernames(String username) {
        ApiException e = assertThrows(ApiException.class,
                () -> node.accounts.createEmployee(username, TestServices.PASSWORD, null, Role.EMPLOYEE));
        assertEquals(400, e.status());
        assertEquals("invalid_username", e.code());
    }

    @Test
    void acceptsTheLongestAndShortestValidUsernames() {
        node.accounts.createEmployee("abcdefghijklmnopqrstuvwxyz1234", TestServices.PASSWORD, null, Role.EMPLOYEE);
        node.accounts.createEmployee("z", TestServices.PASSWORD, null, Role.EMPLOYEE);
        assertTrue(node.accounts.findLocal("z").isPresent());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "1234567"})
    void refusesShortPasswords(String password) {
        ApiException e = assertThrows(ApiException.class,
                () -> node.accounts.createEmployee("frank", password, null, Role.EMPLOYEE));
        assertEquals(400, e.status());
        assertEquals("weak_password", e.code());
        assertTrue(node.accounts.findLocal("frank").isEmpty());
    }

    @Test
    void refusesATakenUsernameAndKeepsTheFirstAccount() {
        Account first = node.employee("grace");
        ApiException e = assertThrows(ApiException.class,
                () -> node.accounts.createEmployee("grace", "another password", null, Role.EMPLOYEE));
        assertEquals(409, e.status());
        assertEquals("username_taken", e.code());
        assertEquals(Optional.of(first), node.accounts.findLocal("grace"));
        assertEquals(2, node.accounts.keysOf(first).size(), "the refused attempt stored no keys");
    }

    @Test
    void everyAccountGetsAnRsaAndAnEd25519KeyPairThatDecodeAndMatch() throws GeneralSecurityException {
        Account henry = node.employee("henry");
        List<ActorKey> keys = node.accounts.keysOf(henry);

        assertEquals(List.of(KeyAlgorithm.ED25519, KeyAlgorithm.RSA), keys.stream().map(ActorKey::algorithm).toList());
        assertEquals(List.of(node.uris.ed25519KeyId("henry"), node.uris.rsaKeyId("henry")),
                keys.stream().map(ActorKey::keyId).toList());
        for (ActorKey key : keys) {
            assertEquals(henry.uri(), key.owner());
            assertEquals(henry.id(), key.accountId());
            assertTrue(key.hasPrivateKey());
            PublicKey publicKey = KeyPems.publicKey(key.publicPem());
            PrivateKey privateKey = KeyPems.privateKey(key.privatePem());
            assertEquals(Optional.of(key.algorithm()), KeyCodec.algorithmOf(publicKey));
            assertTrue(signsAndVerifies(key.algorithm(), privateKey, publicKey), key.algorithm() + " pair matches");
            assertTrue(KeyPems.multikey(key.publicPem()).startsWith("z"));
        }
    }

    @Test
    void theInstanceActorIsCreatedOnceWithoutAPassword() {
        Account instance = node.accounts.ensureInstanceActor();
        assertEquals(instance, node.accounts.ensureInstanceActor());

        assertEquals(LocalUris.INSTANCE_ACTOR_USERNAME, instance.username());
        assertEquals(URI.create("https://finance.example/actor"), instance.uri());
        assertEquals(URI.create("https://finance.example/actor/inbox"), instance.inbox());
        assertEquals("finance.example", instance.displayName());
        assertEquals(1L, (long) node.database.inTransaction(connection -> Jdbc.count(connection,
                "SELECT COUNT(*) FROM accounts WHERE username = ?", LocalUris.INSTANCE_ACTOR_USERNAME)));
        assertTrue(node.database.inTransaction(connection -> node.credentials.passwordHash(connection,
                instance.id())).isEmpty());
        assertEquals(2, node.accounts.keysOf(instance).size());
        assertFalse(node.accounts.listEmployees().contains(instance), "the instance actor is not an employee");
    }

    @Test
    void listsEmployeesByUsername() {
        List<String> names = node.accounts.listEmployees().stream().map(Account::username).toList();
        assertEquals(names.stream().sorted().toList(), names);
        assertFalse(names.contains(LocalUris.INSTANCE_ACTOR_USERNAME));
    }

    private static boolean signsAndVerifies(KeyAlgorithm algorithm, PrivateKey privateKey, PublicKey publicKey)
            throws GeneralSecurityException {
        String name = algorithm == KeyAlgorithm.RSA ? "SHA256withRSA" : "Ed25519";
        byte[] message = "(request-target): post /inbox".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance(name);
        signer.initSign(privateKey);
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(name);
        verifier.initVerify(publicKey);
        verifier.update(message);
        return verifier.verify(signature);
    }
}
