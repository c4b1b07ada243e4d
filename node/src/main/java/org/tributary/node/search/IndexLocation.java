package org.tributary.node.search;

import java.nio.file.Path;
import java.util.Optional;

/** Where the index lives: a directory on disk ({@code <data>/index}), or memory only (tests, demos). */
public record IndexLocation(Optional<Path> directory) {

    public static IndexLocation onDisk(Path directory) {
        return new IndexLocation(Optional.of(directory));
    }

    public static IndexLocation inMemory() {
        return new IndexLocation(Optional.empty());
    }
}
