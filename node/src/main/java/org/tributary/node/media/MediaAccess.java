package org.tributary.node.media;

import java.util.List;
import java.util.Optional;
import org.tributary.node.outbound.NoteActivities;
import org.tributary.node.account.ProfileStore;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusStore;
import org.tributary.node.store.Database;
import org.tributary.node.timeline.StatusVisibility;

/**
 * The rule for reading a stored file. One file may back several uploads (identical bytes are stored
 * once), so the file is readable when any of its uploads is:
 * <ul>
 *   <li>an unattached upload only by the employee who uploaded it;</li>
 *   <li>an attached one by an employee who may read the post ({@link StatusVisibility}), and by a peer
 *       (a signed GET from an allowlisted node) when the post is one that leaves the node at all, that
 *       is, not department-only. The peer node answers for what its own employees see, as it does for
 *       the post itself.</li>
 *   <li>one that is a profile picture by every employee and every peer.</li>
 * </ul>
 */
public final class MediaAccess {
    private final Database database;
    private final MediaStore media;
    private final StatusStore statuses;
    private final StatusVisibility visibility;

    private final ProfileStore profiles;

    public MediaAccess(Database database, MediaStore media, StatusStore statuses, StatusVisibility visibility,
            ProfileStore profiles) {
        this.profiles = profiles;
        this.database = database;
        this.media = media;
        this.statuses = statuses;
        this.visibility = visibility;
    }

    /** An upload of these bytes the reader may see (giving the file's type), or empty. */
    public Optional<MediaAttachment> readable(String sha256, MediaReader reader) {
        return database.inTransaction(connection -> {
            List<MediaAttachment> uploads = media.bySha256(connection, sha256);
            for (MediaAttachment upload : uploads) {
                Optional<Status> status = upload.isAttached()
                        ? statuses.findById(connection, upload.statusId()) : Optional.empty();
                // A profile picture is shown wherever its owner is: to every employee and every peer.
                if (mayRead(upload, status, reader) || profiles.isAvatar(connection, upload.id())) {
                    return Optional.of(upload);
                }
            }
            return Optional.empty();
        });
    }

    private boolean mayRead(MediaAttachment upload, Optional<Status> status, MediaReader reader) {
        if (reader instanceof MediaReader.Employee employee) {
            if (status.isEmpty()) {
                return upload.accountId() == employee.account().id();
            }
            return visibility.canSee(employee.account(), status.get());
        }
        return status.isPresent() && NoteActivities.federates(status.get().visibility());
    }
}
