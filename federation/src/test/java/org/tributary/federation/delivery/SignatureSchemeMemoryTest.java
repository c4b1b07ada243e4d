package org.tributary.federation.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tributary.federation.signature.SignatureScheme;
import org.tributary.federation.spi.SignatureSchemeStore;

class SignatureSchemeMemoryTest {

    @Test
    void unknownPeersGetRfc9421First() {
        SignatureSchemeMemory memory = new SignatureSchemeMemory();
        assertEquals(SignatureScheme.RFC9421, memory.preferredFor("a.example"));
        assertEquals(Optional.empty(), memory.rememberedFor("a.example"));
    }

    @Test
    void remembersPerAuthority() {
        SignatureSchemeMemory memory = new SignatureSchemeMemory();
        memory.remember("a.example:8443", SignatureScheme.CAVAGE);
        assertEquals(SignatureScheme.CAVAGE, memory.preferredFor("a.example:8443"));
        assertEquals(SignatureScheme.RFC9421, memory.preferredFor("a.example"));
    }

    @Test
    void loadsFromAndWritesChangesThroughToTheStore() {
        List<String> saved = new ArrayList<>();
        SignatureSchemeStore store = new SignatureSchemeStore() {
            @Override
            public Map<String, SignatureScheme> loadAll() {
                return Map.of("old.example", SignatureScheme.CAVAGE);
            }

            @Override
            public void save(String authority, SignatureScheme scheme) {
                saved.add(authority + "=" + scheme);
            }
        };
        SignatureSchemeMemory memory = new SignatureSchemeMemory(store);
        assertEquals(SignatureScheme.CAVAGE, memory.preferredFor("old.example"));
        memory.remember("old.example", SignatureScheme.CAVAGE);
        memory.remember("new.example", SignatureScheme.RFC9421);
        memory.remember("new.example", SignatureScheme.RFC9421);
        assertEquals(List.of("new.example=RFC9421"), saved);
    }

    @Test
    void otherSwapsTheSchemes() {
        assertEquals(SignatureScheme.CAVAGE, SignatureSchemeMemory.other(SignatureScheme.RFC9421));
        assertEquals(SignatureScheme.RFC9421, SignatureSchemeMemory.other(SignatureScheme.CAVAGE));
    }
}
