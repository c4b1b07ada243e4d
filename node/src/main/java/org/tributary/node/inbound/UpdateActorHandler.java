package org.tributary.node.inbound;

import java.util.Optional;
import java.util.Set;
import org.tributary.federation.inbox.ActivityHandler;
import org.tributary.federation.inbox.HandlerResult;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.federation.vocab.Activity;
import org.tributary.federation.vocab.Actor;
import org.tributary.federation.vocab.ObjectRef;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.federation.vocab.VocabException;
import org.tributary.node.account.Account;
import org.tributary.node.account.RemoteAccountService;

/**
 * A colleague on another node changed their profile. Guards: the object is an embedded actor; it is
 * the actor who sent the activity (nobody updates someone else's profile); we know that actor
 * already (we keep no profile of strangers). Then the cached account, keys and profile are refreshed.
 */
public final class UpdateActorHandler implements ActivityHandler {
    public static final Set<String> ACTOR_TYPES = Set.of("Person", "Service", "Application", "Group", "Organization");

    private final RemoteAccountService remoteAccounts;
    private final VocabCodec codec;

    public UpdateActorHandler(RemoteAccountService remoteAccounts, VocabCodec codec) {
        this.remoteAccounts = remoteAccounts;
        this.codec = codec;
    }

    @Override
    public HandlerResult handle(InboundActivity inbound) {
        Activity update = codec.readActivity(inbound.json());
        if (!(update.object() instanceof ObjectRef.Embedded embedded) || !ACTOR_TYPES.contains(embedded.type())) {
            return new HandlerResult.Ignored("only updates of embedded actors are handled here");
        }
        if (!update.actor().equals(embedded.id())) {
            return new HandlerResult.Ignored("an actor may update only their own profile");
        }
        Actor actor;
        try {
            actor = codec.readActor(embedded.json());
        } catch (VocabException e) {
            return new HandlerResult.Ignored("unreadable actor: " + e.getMessage());
        }
        Optional<Account> refreshed = remoteAccounts.applyUpdate(actor);
        return refreshed.isPresent() ? HandlerResult.applied()
                : new HandlerResult.Ignored("unknown actor " + actor.id());
    }
}
