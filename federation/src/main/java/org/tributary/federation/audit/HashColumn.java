package org.tributary.federation.audit;

import java.util.Arrays;

/**
 * A growable array of 32-byte hashes stored back to back in one {@code byte[]}: a million hashes take
 * 32 MB instead of the ~64 MB that as many {@link TreeHash} objects would.
 */
final class HashColumn {
    private byte[] data = new byte[16 * TreeHash.LENGTH];
    private int count;

    void add(TreeHash hash) {
        if ((count + 1) * (long) TreeHash.LENGTH > Integer.MAX_VALUE - 8) {
            throw new AuditFormatException("an in-memory column holds at most "
                    + (Integer.MAX_VALUE / TreeHash.LENGTH - 1) + " hashes");
        }
        int offset = count * TreeHash.LENGTH;
        if (offset + TreeHash.LENGTH > data.length) {
            long grown = Math.min((long) data.length * 2, Integer.MAX_VALUE - 8);
            data = Arrays.copyOf(data, (int) grown);
        }
        System.arraycopy(hash.bytes(), 0, data, offset, TreeHash.LENGTH);
        count++;
    }

    TreeHash get(long index) {
        if (index < 0 || index >= count) {
            throw new AuditFormatException("no hash at index " + index + " of " + count);
        }
        int offset = (int) index * TreeHash.LENGTH;
        return TreeHash.wrap(Arrays.copyOfRange(data, offset, offset + TreeHash.LENGTH));
    }

    int size() {
        return count;
    }
}
