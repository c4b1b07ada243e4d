package org.tributary.federation.delivery;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** Where one recipient actor receives activities: its own inbox and, if it has one, its node's shared inbox. */
public record RecipientInbox(URI inbox, Optional<URI> sharedInbox) {
    public RecipientInbox {
        Objects.requireNonNull(inbox, "inbox");
        Objects.requireNonNull(sharedInbox, "sharedInbox");
    }

    public static RecipientInbox personal(URI inbox) {
        return new RecipientInbox(inbox, Optional.empty());
    }

    public static RecipientInbox withShared(URI inbox, URI sharedInbox) {
        return new RecipientInbox(inbox, Optional.of(sharedInbox));
    }
}
