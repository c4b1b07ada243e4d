package org.tributary.node.outbound;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tributary.federation.vocab.Activity;
import org.tributary.federation.vocab.As2;
import org.tributary.federation.vocab.ObjectRef;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.account.Profile;
import org.tributary.node.account.ProfilePublisher;
import org.tributary.node.delivery.Outbox;
import org.tributary.node.follow.FollowStore;
import org.tributary.node.keys.ActorKeyStore;
import org.tributary.node.store.IdGenerator;

/**
 * Publishes {@code Update(Person)} with the whole new actor document embedded, addressed to the
 * public collection and the followers. It goes to every node where a follower lives and to every
 * other allowlisted node we know an account on (those nodes may have cached the person too); the
 * outbox collapses recipients to one delivery per node.
 */
public final class ActorUpdates implements ProfilePublisher {
    private final AccountStore accounts;
    private final ActorKeyStore keys;
    private final FollowStore follows;
    private final ActorDocuments documents;
    private final Outbox outbox;
    private final VocabCodec codec;
    private final IdGenerator ids;
    private final Clock clock;

    public ActorUpdates(AccountStore accounts, ActorKeyStore keys, FollowStore follows, ActorDocuments documents,
            Outbox outbox, VocabCodec codec, IdGenerator ids, Clock clock) {
        this.accounts = accounts;
        this.keys = keys;
        this.follows = follows;
        this.documents = documents;
        this.outbox = outbox;
        this.codec = codec;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public void publish(Connection connection, Account employee, Profile profile) throws SQLException {
        List<Account> recipients = recipients(connection, employee);
        if (recipients.isEmpty()) {
            return;
        }
        outbox.send(connection, update(employee, profile, connection), employee, recipients);
    }

    /** The activity itself: a fresh id each time, so a peer never takes a second edit for a replay. */
    Activity update(Account employee, Profile profile, Connection connection) throws SQLException {
        JsonObject actor = codec.toJson(documents.actorOf(employee, keys.ofAccount(connection, employee.id()), profile));
        JsonObject embedded = Json.createObjectBuilder(actor).remove("@context").build();
        URI id = URI.create(employee.uri() + "#updates/" + ids.next());
        return new Activity(id, "Update", employee.uri(), new ObjectRef.Embedded(employee.uri(), "Person", embedded),
                List.of(As2.PUBLIC), List.of(employee.followers()), clock.instant(), null);
    }

    private List<Account> recipients(Connection connection, Account employee) throws SQLException {
        Map<String, Account> byNode = new LinkedHashMap<>();
        for (long followerId : follows.followerIds(connection, employee.id())) {
            accounts.findById(connection, followerId).filter(account -> !account.isLocal())
                    .ifPresent(account -> byNode.putIfAbsent(account.authority(), account));
        }
        for (Account known : accounts.oneRemotePerAuthority(connection)) {
            byNode.putIfAbsent(known.authority(), known);
        }
        return new ArrayList<>(byNode.values());
    }
}
