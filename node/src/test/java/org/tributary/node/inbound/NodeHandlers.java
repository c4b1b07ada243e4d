package org.tributary.node.inbound;

import java.time.Clock;
import java.time.Duration;
import org.tributary.federation.audit.CheckpointWitness;
import org.tributary.federation.inbox.HandlerResult;
import org.tributary.federation.inbox.InboxDispatcher;
import org.tributary.node.account.RemoteAccountService;
import org.tributary.node.audit.AuditTrail;
import org.tributary.node.audit.CheckpointActivity;
import org.tributary.node.audit.PeerCheckpointWitness;
import org.tributary.node.audit.WitnessStore;
import org.tributary.node.keys.PeerKeyResolver;
import org.tributary.node.interaction.InteractionKind;
import org.tributary.node.post.HtmlSanitizer;
import org.tributary.node.post.StatusChanges;
import org.tributary.node.testing.TestServices;
import org.tributary.node.thread.AncestorFetcher;

/**
 * The node's inbound dispatcher over a {@link TestServices} store, wired as NodeAssembly wires it except
 * for events and polls (Accept, Reject and Create go straight to the follow and post handlers).
 */
final class NodeHandlers {
    private NodeHandlers() {
    }

    static InboxDispatcher dispatcher(TestServices node, Clock clock) {
        RemoteAccountService remoteAccounts = node.remoteAccounts;
        IncomingNotes incomingNotes = new IncomingNotes(node.statusStore, node.recipientStore, node.tagStore,
                node.accountStore, new HtmlSanitizer(), node.visibility, node.notifications, node.remoteMedia,
                node.homeFeed, node.ids, clock, node.interactionStore, StatusChanges.ignoring());
        AncestorFetcher ancestors = new AncestorFetcher(node.database, node.statusStore, incomingNotes,
                remoteAccounts, node.fetcher, node.peers, node.codec, node.uris);
        UndoRouter undo = new UndoRouter(java.util.Map.of(
                "Follow", new UndoFollowHandler(node.database, node.accountStore, node.followStore, node.codec),
                "Like", new UndoInteractionHandler(InteractionKind.FAVOURITE, node.database, node.interactionStore,
                        node.statusStore, node.accountStore, node.countReports, node.codec),
                "Announce", new UndoInteractionHandler(InteractionKind.REBLOG, node.database, node.interactionStore,
                        node.statusStore, node.accountStore, node.countReports, node.codec),
                "Block", new UndoBlockHandler(node.database, node.accountStore, node.blockStore, node.codec)),
                new RecordedActivities(node.database, node.followStore, node.interactionStore, node.blockStore)::typeOf,
                node.codec);
        return InboundHandlers.dispatcher(
                new FollowHandler(node.database, node.accountStore, node.followStore, remoteAccounts,
                        node.followActivities, node.outbox, node.notifications, node.codec, node.uris, node.ids, clock,
                        node.blockStore),
                new AcceptFollowHandler(node.database, node.accountStore, node.followStore, node.codec),
                new RejectFollowHandler(node.database, node.accountStore, node.followStore, node.homeFeed,
                        node.codec),
                activity -> new HandlerResult.Ignored("no events in these tests: " + activity.type()),
                undo,
                new CreateNoteHandler(node.database, node.followStore, remoteAccounts, incomingNotes, ancestors,
                        node.codec, node.uris),
                new UpdateRouter(new UpdateNoteHandler(node.database, node.statusStore, node.accountStore,
                        incomingNotes, node.codec), new UpdateActorHandler(remoteAccounts, node.codec), node.codec),
                new DeleteNoteHandler(node.database, node.statusStore, node.tagStore, node.accountStore,
                        node.notifications, node.remoteMedia, node.codec, clock, StatusChanges.ignoring()),
                new LikeHandler(node.database, node.statusStore, node.interactionStore, remoteAccounts,
                        node.visibility, node.notifications, node.countReports, node.codec, node.uris, node.ids, clock),
                new AnnounceHandler(node.database, node.statusStore, node.interactionStore, node.followStore,
                        remoteAccounts, ancestors, node.visibility, node.notifications, node.countReports, node.codec,
                        node.uris, node.ids, clock),
                new BlockHandler(node.database, node.accountStore, node.followStore, node.blockStore, node.homeFeed,
                        remoteAccounts, node.codec, node.ids, clock),
                new AddCheckpointHandler(new CheckpointActivity(), new PeerCheckpointWitness(node.database,
                        new WitnessStore(node.ids), new PeerKeyResolver(node.database, node.keyStore, remoteAccounts),
                        node.fetcher, new CheckpointWitness(Duration.ofDays(1), clock), AuditTrail.discarding(),
                        node.uris, clock)));
    }
}
