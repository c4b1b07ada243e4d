package org.tributary.federation.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An independent, deliberately naive transcription of RFC 9162 §2.1 over raw byte arrays with the JDK's
 * MessageDigest, used to check the production classes against the recursive definition.
 */
final class ReferenceMerkle {
    private ReferenceMerkle() {
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] leaf(byte[] data) {
        return sha256(new byte[] {0}, data);
    }

    /** MTH(D[n]) straight from the definition: split at the largest power of two below n. */
    static byte[] mth(List<byte[]> leafHashes) {
        int n = leafHashes.size();
        if (n == 0) {
            return sha256();
        }
        if (n == 1) {
            return leafHashes.get(0);
        }
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return sha256(new byte[] {1}, mth(leafHashes.subList(0, k)), mth(leafHashes.subList(k, n)));
    }

    /** Distinct, reproducible leaf hashes for test trees. */
    static List<TreeHash> leafHashes(int count) {
        List<TreeHash> hashes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            hashes.add(TreeHash.of(leaf(("entry-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        }
        return hashes;
    }

    static List<byte[]> raw(List<TreeHash> hashes) {
        return hashes.stream().map(TreeHash::bytes).toList();
    }

    static TreeHash flipBit(TreeHash hash, int bit) {
        byte[] bytes = hash.bytes();
        bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        return TreeHash.of(bytes);
    }

    static boolean same(byte[] a, TreeHash b) {
        return Arrays.equals(a, b.bytes());
    }
}
