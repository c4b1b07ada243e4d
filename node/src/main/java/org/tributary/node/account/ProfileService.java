package org.tributary.node.account;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.tributary.node.http.ApiException;
import org.tributary.node.post.PlainTextFormatter;
import org.tributary.node.store.Database;

/**
 * Employees editing their own profile. The display name, department, title and location are plain
 * text (control characters removed); the note is plain text rendered to escaped HTML, exactly like a
 * post, so nothing an employee types can become markup. Every change is published to peers as
 * {@code Update(Person)} in the same transaction.
 */
public final class ProfileService {
    /** Mastodon's limits, which clients enforce in their forms too. */
    public static final int MAX_DISPLAY_NAME = 30;
    public static final int MAX_NOTE = 500;
    /** Mastodon's limit for a profile field's value. */
    public static final int MAX_FIELD = 255;

    private final Database database;
    private final AccountStore accounts;
    private final ProfileStore profiles;
    private final PlainTextFormatter formatter;
    private final ProfilePublisher publisher;
    private final AccountChanges changes;
    private final Clock clock;

    public ProfileService(Database database, AccountStore accounts, ProfileStore profiles,
            PlainTextFormatter formatter, ProfilePublisher publisher, AccountChanges changes, Clock clock) {
        this.database = database;
        this.accounts = accounts;
        this.profiles = profiles;
        this.formatter = formatter;
        this.publisher = publisher;
        this.changes = changes;
        this.clock = clock;
    }

    /** Changes what is given (absent means unchanged) and returns the account as it now is. */
    public Account update(Account employee, Optional<String> displayName, Optional<String> note) {
        return update(employee, ProfileEdit.of(displayName, note));
    }

    /**
     * As above; {@code locked} makes new followers wait for approval (follow requests) or, when false,
     * lets them follow at once. Requests already waiting stay until answered.
     */
    public Account update(Account employee, Optional<String> displayName, Optional<String> note,
            Optional<Boolean> locked) {
        return update(employee, ProfileEdit.of(displayName, note).withLocked(locked));
    }

    /** Changes what the edit gives, publishes the new profile to peers, returns the account as it now is. */
    public Account update(Account employee, ProfileEdit edit) {
        if (!employee.isLocal()) {
            throw ApiException.forbidden("not_local", "only this node's employees have a profile here");
        }
        String name = edit.displayName().map(ProfileService::clean).orElse(employee.displayName());
        requireLength(name, MAX_DISPLAY_NAME, "display_name_too_long", "display names");
        String summary = employee.summary();
        if (edit.note().isPresent()) {
            String text = edit.note().get().strip();
            requireLength(text, MAX_NOTE, "note_too_long", "notes");
            summary = text.isEmpty() ? "" : formatter.toHtml(text);
        }
        Optional<String> department = edit.department().map(ProfileService::clean);
        Optional<String> title = edit.title().map(ProfileService::clean);
        Optional<String> location = edit.location().map(ProfileService::clean);
        department.ifPresent(value -> requireLength(value, MAX_FIELD, "field_too_long", "profile fields"));
        title.ifPresent(value -> requireLength(value, MAX_FIELD, "field_too_long", "profile fields"));
        location.ifPresent(value -> requireLength(value, MAX_FIELD, "field_too_long", "profile fields"));
        Optional<Optional<URI>> avatar = edit.avatar().map(ProfileService::avatarUrl);
        String finalSummary = summary;
        Account updated = database.inTransaction(connection -> {
            Profile profile = profiles.find(connection, employee.id());
            profile = department.map(profile::withDepartment).orElse(profile);
            profile = title.map(profile::withTitle).orElse(profile);
            profile = location.map(profile::withLocation).orElse(profile);
            if (avatar.isPresent()) {
                profile = profile.withAvatar(avatar.get(), Optional.empty());
            }
            if (edit.avatarMediaId().isPresent()) {
                profile = profile.withAvatar(profile.avatar(), edit.avatarMediaId());
            }
            accounts.updateProfile(connection, employee.id(), name, finalSummary);
            profiles.save(connection, employee.id(), profile, clock.instant());
            if (edit.locked().isPresent()) {
                accounts.setLocked(connection, employee.id(), edit.locked().get());
            }
            Account account = accounts.findById(connection, employee.id()).orElseThrow();
            publisher.publish(connection, account, profile);
            return account;
        });
        changes.changed(updated.id());
        return updated;
    }

    /** The profile of any known account (empty when nothing is known). */
    public Profile profileOf(Account account) {
        return database.inTransaction(connection -> profiles.find(connection, account.id()));
    }

    /** The profiles of these accounts, by account id, read with one query whatever their number. */
    public Map<Long, Profile> profilesOf(Connection connection, Collection<Long> accountIds) throws SQLException {
        return profiles.find(connection, accountIds);
    }

    /** Sets the picture to an uploaded attachment served at {@code url}, and publishes the change. */
    public Account setAvatar(Account employee, URI url, long mediaId) {
        return update(employee, new ProfileEdit(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(url.toString()), Optional.of(mediaId), Optional.empty()));
    }

    private static Optional<URI> avatarUrl(String raw) {
        String value = raw.strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("https")
                    || uri.getScheme().equalsIgnoreCase("http")) || uri.getHost() == null) {
                throw new URISyntaxException(value, "not an http(s) URL");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw new ApiException(422, "invalid_avatar", "the avatar must be an uploaded image or an http(s) URL");
        }
    }

    private static void requireLength(String value, int max, String code, String what) {
        if (value.codePointCount(0, value.length()) > max) {
            throw new ApiException(422, code, what + " are limited to " + max + " characters");
        }
    }

    private static String clean(String raw) {
        return raw.replaceAll("\\p{Cntrl}", "").strip();
    }
}
