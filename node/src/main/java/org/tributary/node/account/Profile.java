package org.tributary.node.account;

import java.net.URI;
import java.util.Optional;

/**
 * What a person says about their work, beside their name and note: department, job title, location
 * and a picture. Text fields are plain text, empty when not given.
 *
 * @param avatar        where the picture is served, if there is one
 * @param avatarMediaId the uploaded attachment the picture came from, when it was uploaded on this node
 */
public record Profile(String department, String title, String location, Optional<URI> avatar,
        Optional<Long> avatarMediaId) {

    public static final Profile EMPTY = new Profile("", "", "", Optional.empty(), Optional.empty());

    public Profile {
        department = department == null ? "" : department;
        title = title == null ? "" : title;
        location = location == null ? "" : location;
        avatar = avatar == null ? Optional.empty() : avatar;
        avatarMediaId = avatarMediaId == null ? Optional.empty() : avatarMediaId;
    }

    public Profile withDepartment(String value) {
        return new Profile(value, title, location, avatar, avatarMediaId);
    }

    public Profile withTitle(String value) {
        return new Profile(department, value, location, avatar, avatarMediaId);
    }

    public Profile withLocation(String value) {
        return new Profile(department, title, value, avatar, avatarMediaId);
    }

    public Profile withAvatar(Optional<URI> url, Optional<Long> mediaId) {
        return new Profile(department, title, location, url, mediaId);
    }
}
