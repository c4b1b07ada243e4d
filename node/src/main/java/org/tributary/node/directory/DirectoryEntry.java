package org.tributary.node.directory;

import org.tributary.node.account.Account;
import org.tributary.node.account.Profile;

/** A person in the directory: their account and what their profile says. */
public record DirectoryEntry(Account account, Profile profile) {

    /** Whether every word of the query appears in the name, handle, department, title or location. */
    public boolean matches(String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String haystack = String.join(" ", account.username(), account.displayName(), profile.department(),
                profile.title(), profile.location()).toLowerCase(java.util.Locale.ROOT);
        for (String word : query.toLowerCase(java.util.Locale.ROOT).strip().split("\\s+")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
