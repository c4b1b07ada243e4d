package org.tributary.node.event;

import java.util.List;
import java.util.Optional;
import org.tributary.node.account.Account;
import org.tributary.node.post.StatusView;

/** An event with its post, the answers this node knows (with who gave them) and the viewer's own answer. */
public record EventView(Event event, StatusView post, List<Attendee> rsvps, Optional<RsvpAnswer> ownAnswer) {
    public EventView {
        rsvps = List.copyOf(rsvps);
    }

    /** One answer and who gave it. */
    public record Attendee(Account account, RsvpAnswer answer) {
    }

    public long count(RsvpAnswer answer) {
        return rsvps.stream().filter(rsvp -> rsvp.answer() == answer).count();
    }
}
