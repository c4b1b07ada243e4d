package org.tributary.node.cli;

/** The node's embedded store is open in another process (usually a running {@code serve}). */
final class DataDirectoryLockedException extends RuntimeException {
    DataDirectoryLockedException(String message) {
        super(message);
    }
}
