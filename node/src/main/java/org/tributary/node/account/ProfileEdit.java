package org.tributary.node.account;

import java.util.Optional;

/**
 * What an employee asked to change in their profile; an absent part stays as it is. {@code avatar} is
 * a picture's URL, or empty text to remove the picture; {@code avatarMediaId} an uploaded attachment.
 */
public record ProfileEdit(Optional<String> displayName, Optional<String> note, Optional<String> department,
        Optional<String> title, Optional<String> location, Optional<String> avatar, Optional<Long> avatarMediaId) {

    public static ProfileEdit of(Optional<String> displayName, Optional<String> note) {
        return new ProfileEdit(displayName, note, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
