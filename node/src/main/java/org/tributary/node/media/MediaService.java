package org.tributary.node.media;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tributary.node.account.Account;
import org.tributary.node.http.ApiException;
import org.tributary.node.store.Database;
import org.tributary.node.store.IdGenerator;

/**
 * Employees' uploads: check the bytes, store the file once, record the attachment; change its
 * description until it is attached; attach up to the limit to a new post.
 */
public final class MediaService {
    private final Database database;
    private final MediaStore store;
    private final MediaFileStore files;
    private final MediaInspector inspector;
    private final MediaLimits limits;
    private final IdGenerator ids;
    private final Clock clock;

    public MediaService(Database database, MediaStore store, MediaFileStore files, MediaInspector inspector,
            MediaLimits limits, IdGenerator ids, Clock clock) {
        this.database = database;
        this.store = store;
        this.files = files;
        this.inspector = inspector;
        this.limits = limits;
        this.ids = ids;
        this.clock = clock;
    }

    public MediaLimits limits() {
        return limits;
    }

    /** Checks and stores an upload; refuses with 413, 415 or 422 and a stable code. */
    public MediaAttachment upload(Account owner, byte[] bytes, String description, String focus) {
        if (bytes == null || bytes.length == 0) {
            throw new ApiException(422, "empty_file", "the file is empty");
        }
        if (bytes.length > limits.maxUploadBytes()) {
            throw tooLarge(limits.maxUploadBytes());
        }
        String checkedDescription = checkDescription(description);
        MediaAttachment.Focus checkedFocus = parseFocus(focus);
        Inspection inspection = inspector.inspect(bytes);
        if (inspection instanceof Inspection.Refused refused) {
            throw new ApiException(refused.status(), refused.code(), refused.reason());
        }
        Inspection.Accepted accepted = (Inspection.Accepted) inspection;
        MediaKind kind = accepted.type().kind();
        if (bytes.length > limits.maxBytesFor(kind)) {
            throw tooLarge(limits.maxBytesFor(kind));
        }
        String sha256 = files.put(bytes);
        MediaAttachment media = new MediaAttachment(ids.next(), owner.id(), sha256, kind,
                accepted.type().mediaType(), bytes.length, checkedDescription, accepted.width(), accepted.height(),
                checkedFocus, null, null, clock.instant());
        database.inTransactionVoid(connection -> store.insert(connection, media));
        return media;
    }

    /** An upload of the caller's own; anyone else's is not found. */
    public MediaAttachment ownedBy(Account owner, long id) {
        return database.inTransaction(connection -> store.findById(connection, id))
                .filter(media -> media.accountId() == owner.id() && !media.isRemote())
                .orElseThrow(() -> ApiException.notFound("media"));
    }

    /** Changes the description of the caller's own upload, only while no post carries it. */
    public MediaAttachment describe(Account owner, long id, String description) {
        String checked = checkDescription(description);
        return database.inTransaction(connection -> {
            MediaAttachment media = store.findById(connection, id)
                    .filter(found -> found.accountId() == owner.id() && !found.isRemote())
                    .orElseThrow(() -> ApiException.notFound("media"));
            if (!store.updateDescriptionIfUnattached(connection, id, checked)) {
                throw new ApiException(422, "media_already_attached",
                        "the description cannot change once the media is attached to a post");
            }
            return media.withDescription(checked);
        });
    }

    /**
     * Attaches the author's own unattached uploads to a new post, in the caller's transaction, so the
     * post and its attachments are stored (and federated) together or not at all.
     */
    public List<MediaAttachment> attach(Connection connection, Account author, long statusId, List<Long> mediaIds)
            throws SQLException {
        if (mediaIds.size() > limits.maxPerStatus()) {
            throw new ApiException(422, "too_many_media", "a post carries at most " + limits.maxPerStatus()
                    + " attachments");
        }
        Set<Long> seen = new HashSet<>();
        List<MediaAttachment> attached = new ArrayList<>();
        for (long id : mediaIds) {
            if (!seen.add(id)) {
                throw new ApiException(422, "invalid_media", "media " + id + " is listed twice");
            }
            MediaAttachment media = store.findById(connection, id)
                    .filter(found -> found.accountId() == author.id() && !found.isRemote())
                    .orElseThrow(() -> new ApiException(422, "invalid_media", "media " + id + " is not yours"));
            if (media.isAttached() || !store.attach(connection, id, statusId)) {
                throw new ApiException(422, "invalid_media", "media " + id + " is already attached to a post");
            }
            attached.add(store.findById(connection, id).orElseThrow());
        }
        return List.copyOf(attached);
    }

    /**
     * An edit keeps the post's attachments: changing them is not supported, so media ids sent with an
     * edit must be exactly the ones attached (clients resend them), or none at all.
     */
    public void checkUnchangedOnEdit(Connection connection, long statusId, List<Long> mediaIds)
            throws SQLException {
        if (mediaIds.isEmpty()) {
            return;
        }
        Set<Long> current = new HashSet<>();
        store.byStatus(connection, statusId).forEach(media -> current.add(media.id()));
        if (!current.equals(new HashSet<>(mediaIds)) || mediaIds.size() != current.size()) {
            throw new ApiException(422, "media_change_unsupported",
                    "an edit keeps the post's attachments; they cannot be added or removed");
        }
    }

    /** A deleted post's media: local uploads go back to their owner, remote references are forgotten. */
    public void release(Connection connection, long statusId) throws SQLException {
        store.releaseStatus(connection, statusId);
    }

    private String checkDescription(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        if (description.length() > limits.maxDescriptionChars()) {
            throw new ApiException(422, "description_too_long", "descriptions are limited to "
                    + limits.maxDescriptionChars() + " characters");
        }
        return description.strip();
    }

    private static MediaAttachment.Focus parseFocus(String focus) {
        if (focus == null || focus.isBlank()) {
            return null;
        }
        try {
            return MediaAttachment.Focus.parse(focus);
        } catch (IllegalArgumentException e) {
            throw new ApiException(422, "invalid_focus", e.getMessage());
        }
    }

    private static ApiException tooLarge(long limit) {
        return new ApiException(413, "media_too_large", "the file is larger than " + limit + " bytes");
    }
}
