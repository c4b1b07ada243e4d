package org.tributary.node.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Media files on disk, named by the SHA-256 of their bytes: {@code <root>/ab/cd/<sha256>}. A file is
 * written to a temporary name, forced to disk, then moved into place atomically, so a reader never sees
 * half a file and a crash leaves at most a stray temporary file. Identical uploads share one file.
 */
public final class MediaFileStore {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final Path temporary;

    /** @param root the media directory, usually {@code <data>/media} */
    public MediaFileStore(Path root) {
        this.root = root;
        this.temporary = root.resolve("tmp");
    }

    /** Stores the bytes (once) and returns their SHA-256 in lowercase hex. */
    public String put(byte[] bytes) {
        String sha256 = sha256(bytes);
        Path target = pathOf(sha256);
        if (Files.exists(target)) {
            return sha256;
        }
        try {
            Files.createDirectories(temporary);
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(temporary, "upload-", ".part");
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
                moveIntoPlace(temp, target);
                forceDirectory(target.getParent());
            } finally {
                Files.deleteIfExists(temp);
            }
            return sha256;
        } catch (IOException e) {
            throw new UncheckedIOException("could not store media " + sha256, e);
        }
    }

    /** The stored file for a hash, if there is one; a malformed hash never reaches the file system. */
    public Optional<Path> find(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            return Optional.empty();
        }
        Path path = pathOf(sha256);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    public static boolean isSha256(String value) {
        return value != null && SHA256.matcher(value).matches();
    }

    private Path pathOf(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            // Someone stored the same bytes meanwhile: same name, same content.
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the media directory must support atomic moves", e);
        }
    }

    /** Makes the new name durable too; some file systems cannot open a directory, and then it is skipped. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // The file itself is already on disk; only the rename might be lost in a crash.
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
