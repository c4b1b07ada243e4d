package org.tributary.node.account;

import java.util.Optional;

/**
 * What an employee asked to change in their profile; an absent part stays as it is. {@code avatar} is
 * a picture's URL, or empty text to remove the picture; {@code avatarMediaId} an uploaded attachment;
 * {@code locked} whether new followers wait for approval.
 */
public record ProfileEdit(Optional<String> displayName, Optional<String> note, Optional<String> department,
        Optional<String> title, Optional<String> location, Optional<String> avatar, Optional<Long> avatarMediaId,
        Optional<Boolean> locked) {

    public static ProfileEdit of(Optional<String> displayName, Optional<String> note) {
        return new ProfileEdit(displayName, note, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The same edit, also making new followers wait for approval (true) or not (false). */
    public ProfileEdit withLocked(Optional<Boolean> newLocked) {
        return new ProfileEdit(displayName, note, department, title, location, avatar, avatarMediaId, newLocked);
    }
}
