package org.tributary.node.account;

import java.util.Optional;
import org.tributary.node.http.ApiException;
import org.tributary.node.post.PlainTextFormatter;
import org.tributary.node.store.Database;

/**
 * Employees editing their own profile. The display name is plain text (control characters removed);
 * the note is plain text rendered to escaped HTML, exactly like a post, so nothing an employee types
 * can become markup.
 */
public final class ProfileService {
    /** Mastodon's limits, which clients enforce in their forms too. */
    public static final int MAX_DISPLAY_NAME = 30;
    public static final int MAX_NOTE = 500;

    private final Database database;
    private final AccountStore accounts;
    private final PlainTextFormatter formatter;

    public ProfileService(Database database, AccountStore accounts, PlainTextFormatter formatter) {
        this.database = database;
        this.accounts = accounts;
        this.formatter = formatter;
    }

    /** Changes what is given (absent means unchanged) and returns the account as it now is. */
    public Account update(Account employee, Optional<String> displayName, Optional<String> note) {
        return update(employee, displayName, note, Optional.empty());
    }

    /**
     * As above; {@code locked} makes new followers wait for approval (follow requests) or, when false,
     * lets them follow at once. Requests already waiting stay until answered.
     */
    public Account update(Account employee, Optional<String> displayName, Optional<String> note,
            Optional<Boolean> locked) {
        if (!employee.isLocal()) {
            throw ApiException.forbidden("not_local", "only this node's employees have a profile here");
        }
        String name = displayName.map(ProfileService::cleanName).orElse(employee.displayName());
        if (name.codePointCount(0, name.length()) > MAX_DISPLAY_NAME) {
            throw new ApiException(422, "display_name_too_long",
                    "display names are limited to " + MAX_DISPLAY_NAME + " characters");
        }
        String summary = employee.summary();
        if (note.isPresent()) {
            String text = note.get().strip();
            if (text.codePointCount(0, text.length()) > MAX_NOTE) {
                throw new ApiException(422, "note_too_long", "notes are limited to " + MAX_NOTE + " characters");
            }
            summary = text.isEmpty() ? "" : formatter.toHtml(text);
        }
        String finalSummary = summary;
        return database.inTransaction(connection -> {
            accounts.updateProfile(connection, employee.id(), name, finalSummary);
            if (locked.isPresent()) {
                accounts.setLocked(connection, employee.id(), locked.get());
            }
            return accounts.findById(connection, employee.id()).orElseThrow();
        });
    }

    private static String cleanName(String raw) {
        return raw.replaceAll("\\p{Cntrl}", "").strip();
    }
}
