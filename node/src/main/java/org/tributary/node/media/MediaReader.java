package org.tributary.node.media;

import java.net.URI;
import org.tributary.node.account.Account;

/** Who asks for a media file: an employee of this node (bearer token) or a peer's actor (signed GET). */
public sealed interface MediaReader {

    record Employee(Account account) implements MediaReader {
    }

    record Peer(URI actor) implements MediaReader {
    }
}
