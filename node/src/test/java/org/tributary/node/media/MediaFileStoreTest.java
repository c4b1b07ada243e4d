package org.tributary.node.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Content-addressed files: layout by hash, one file for identical bytes, nothing left half-written. */
class MediaFileStoreTest {

    @Test
    void storesUnderTheHashOnceAndLeavesNoTemporaryFiles(@TempDir Path root) throws IOException {
        MediaFileStore store = new MediaFileStore(root);
        byte[] bytes = TestFiles.png(2, 2);
        String sha256 = store.put(bytes);
        assertEquals(sha256, store.put(bytes.clone()));

        Path expected = root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
        assertEquals(expected, store.find(sha256).orElseThrow());
        assertArrayEquals(bytes, Files.readAllBytes(expected));
        assertEquals(MediaFileStore.sha256(bytes), sha256);
        try (Stream<Path> all = Files.walk(root)) {
            List<Path> files = all.filter(Files::isRegularFile).toList();
            assertEquals(List.of(expected), files);
        }
    }

    @Test
    void neverResolvesSomethingThatIsNotAHash(@TempDir Path root) {
        MediaFileStore store = new MediaFileStore(root);
        assertTrue(store.find("../../etc/passwd").isEmpty());
        assertTrue(store.find("A".repeat(64)).isEmpty());
        assertTrue(store.find("0".repeat(64)).isEmpty());
    }
}
