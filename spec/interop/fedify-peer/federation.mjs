// The Fedify side of the peer: one Person actor ("peer"), its keys, collections,
// inbox listeners and NodeInfo. Everything network-facing is Fedify's own code;
// this file only tells it what the actor looks like and what to do on receipt.
import {
  createFederation,
  generateCryptoKeyPair,
  InProcessMessageQueue,
  MemoryKvStore,
} from "@fedify/fedify";
import {
  Accept,
  Activity,
  Announce,
  Create,
  Endpoints,
  Follow,
  Like,
  Note,
  Person,
  Reject,
  Undo,
} from "@fedify/vocab";

export const PEER_IDENTIFIER = "peer";

/** Summary of an activity as the control API reports it. */
async function describeActivity(activity, ctx) {
  const json = await activity.toJsonLd({ format: "compact", contextLoader: ctx.contextLoader });
  return {
    type: typeof json.type === "string" ? json.type : String(json.type),
    id: activity.id?.href ?? null,
    actor: activity.actorId?.href ?? null,
    object: activity.objectId?.href ?? null,
    json,
  };
}

async function record(state, ctx, activity) {
  const summary = await describeActivity(activity, ctx);
  state.recordReceived({ inbox: ctx.recipient ?? "shared", ...summary });
}

/** Loader that signs its GETs as the peer: the Tributary node refuses unsigned actor fetches. */
export function signedLoader(ctx) {
  return ctx.getDocumentLoader({ identifier: PEER_IDENTIFIER });
}

async function acceptFollow(state, ctx, follow) {
  const peerUri = ctx.getActorUri(PEER_IDENTIFIER);
  if (follow.objectId?.href !== peerUri.href || follow.actorId == null) return;
  const follower = await follow.getActor({
    documentLoader: await signedLoader(ctx),
    contextLoader: ctx.contextLoader,
  });
  if (follower == null || follower.id == null || follower.inboxId == null) {
    console.error(`Follow ${follow.id?.href}: could not load its actor, not accepting`);
    return;
  }
  state.followers.set(follower.id.href, {
    id: follower.id.href,
    inbox: follower.inboxId.href,
    sharedInbox: follower.endpoints?.sharedInbox?.href ?? null,
    followId: follow.id?.href ?? null,
    recipient: follower,
  });
  // Echo the Follow with its actor and object as bare ids, the way most servers do,
  // rather than the fully loaded actor Fedify now holds.
  const echoed = new Follow({ id: follow.id, actor: follow.actorId, object: follow.objectId });
  const accept = new Accept({
    id: new URL(`${peerUri.href}/accepts/${crypto.randomUUID()}`),
    actor: peerUri,
    object: echoed,
  });
  await ctx.sendActivity({ identifier: PEER_IDENTIFIER }, follower, accept);
  state.recordSent({ type: "Accept", id: accept.id.href, to: follower.id.href });
  state.outbox.push(accept);
}

function removeFollower(state, undo, undone) {
  for (const [actorId, follower] of state.followers) {
    const sameFollow = follower.followId != null && follower.followId === undo.objectId?.href;
    const sameActor = undone instanceof Follow && actorId === undo.actorId?.href;
    if (sameFollow || sameActor) state.followers.delete(actorId);
  }
}

/** Marks one of our Follows as answered, matched by the Follow's id or else by the answering actor. */
function answerFollow(state, answer, outcome) {
  const followId = answer.objectId?.href;
  for (const following of state.following.values()) {
    if (following.followId === followId) {
      following.state = outcome;
      return;
    }
  }
  const byActor = state.following.get(answer.actorId?.href);
  if (byActor != null && byActor.state === "pending") byActor.state = outcome;
}

function actorDocument(ctx, identifier, keys) {
  return new Person({
    id: ctx.getActorUri(identifier),
    preferredUsername: identifier,
    name: "Fedify interop peer",
    summary: "An independent ActivityPub implementation used by interop tests.",
    url: ctx.getActorUri(identifier),
    inbox: ctx.getInboxUri(identifier),
    endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
    followers: ctx.getFollowersUri(identifier),
    following: ctx.getFollowingUri(identifier),
    outbox: ctx.getOutboxUri(identifier),
    manuallyApprovesFollowers: false,
    // The first key is RSA: it is the one Fedify signs HTTP requests with.
    publicKey: keys[0].cryptographicKey,
    assertionMethods: keys.map((key) => key.multikey),
  });
}

/**
 * Builds the Fedify federation for one peer process, backed by `state`. `origin`
 * (e.g. http://127.0.0.1:8950) fixes the ids, whatever Host header a client sends.
 */
export async function createPeerFederation(state, origin) {
  // Generated per process: nothing secret is ever stored or committed.
  const keyPairs = [
    await generateCryptoKeyPair("RSASSA-PKCS1-v1_5"),
    await generateCryptoKeyPair("Ed25519"),
  ];
  const federation = createFederation({
    kv: new MemoryKvStore(),
    queue: new InProcessMessageQueue(),
    origin,
    // Tests run on 127.0.0.1, which Fedify's SSRF guard would otherwise refuse.
    allowPrivateAddress: true,
  });

  federation
    .setActorDispatcher("/users/{identifier}", async (ctx, identifier) => {
      if (identifier !== PEER_IDENTIFIER) return null;
      return actorDocument(ctx, identifier, await ctx.getActorKeyPairs(identifier));
    })
    .mapHandle((_ctx, username) => (username === PEER_IDENTIFIER ? PEER_IDENTIFIER : null))
    .setKeyPairsDispatcher((_ctx, identifier) => (identifier === PEER_IDENTIFIER ? keyPairs : []));

  federation.setFollowersDispatcher("/users/{identifier}/followers", (_ctx, identifier) => {
    if (identifier !== PEER_IDENTIFIER) return null;
    return { items: [...state.followers.values()].map((follower) => follower.recipient) };
  });
  federation.setFollowingDispatcher("/users/{identifier}/following", (_ctx, identifier) => {
    if (identifier !== PEER_IDENTIFIER) return null;
    const accepted = [...state.following.entries()].filter(([, f]) => f.state === "accepted");
    return { items: accepted.map(([actorId]) => new URL(actorId)) };
  });
  federation.setOutboxDispatcher("/users/{identifier}/outbox", (_ctx, identifier) => {
    if (identifier !== PEER_IDENTIFIER) return null;
    return { items: [...state.outbox].reverse() };
  });
  federation.setObjectDispatcher(Note, "/users/{identifier}/notes/{id}", (ctx, values) => {
    const id = ctx.getObjectUri(Note, values).href;
    return state.notes.get(id) ?? null;
  });
  federation.setNodeInfoDispatcher("/nodeinfo/2.1", () => ({
    software: { name: "tributary-fedify-peer", version: "0.1.0" },
    protocols: ["activitypub"],
    usage: {
      users: { total: 1, activeMonth: 1, activeHalfyear: 1 },
      localPosts: state.notes.size,
      localComments: 0,
    },
    openRegistrations: false,
  }));

  federation
    .setInboxListeners("/users/{identifier}/inbox", "/inbox")
    // Key fetches for the shared inbox are signed as the peer too.
    .setSharedKeyDispatcher(() => ({ identifier: PEER_IDENTIFIER }))
    .on(Follow, async (ctx, follow) => {
      await record(state, ctx, follow);
      await acceptFollow(state, ctx, follow);
    })
    .on(Accept, async (ctx, accept) => {
      await record(state, ctx, accept);
      answerFollow(state, accept, "accepted");
    })
    .on(Reject, async (ctx, reject) => {
      await record(state, ctx, reject);
      answerFollow(state, reject, "rejected");
    })
    .on(Undo, async (ctx, undo) => {
      await record(state, ctx, undo);
      const undone = await undo.getObject({ documentLoader: await signedLoader(ctx) }).catch(() => null);
      removeFollower(state, undo, undone);
    })
    .on(Create, (ctx, create) => record(state, ctx, create))
    .on(Announce, (ctx, announce) => record(state, ctx, announce))
    .on(Like, (ctx, like) => record(state, ctx, like))
    // Catch-all: Fedify hands every other verified activity type to this one.
    .on(Activity, (ctx, activity) => record(state, ctx, activity))
    .onUnverifiedActivity((_ctx, activity, reason) => {
      state.recordRejected({
        id: activity.id?.href ?? null,
        actor: activity.actorId?.href ?? null,
        reason: reason?.type ?? String(reason),
      });
      // Returning nothing keeps Fedify's own 401 answer.
    })
    .onError((_ctx, error) => {
      console.error(`inbox listener failed: ${error?.stack ?? error}`);
    });

  return federation;
}
