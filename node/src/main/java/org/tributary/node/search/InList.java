package org.tributary.node.search;

import java.util.List;

/**
 * An {@code IN (?,...)} list of ids, padded to a power of two by repeating the last id: Derby compiles
 * a statement once per distinct SQL text, so a handful of list sizes keeps every plan in its cache.
 */
record InList(String placeholders, Object[] params) {
    /** Most ids in one list. */
    static final int MAX = 512;

    static InList of(List<Long> ids) {
        if (ids.isEmpty() || ids.size() > MAX) {
            throw new IllegalArgumentException("between 1 and " + MAX + " ids, not " + ids.size());
        }
        int size = 1;
        while (size < ids.size()) {
            size <<= 1;
        }
        Object[] params = new Object[size];
        for (int i = 0; i < size; i++) {
            params[i] = ids.get(Math.min(i, ids.size() - 1));
        }
        return new InList("(" + "?,".repeat(size - 1) + "?)", params);
    }
}
