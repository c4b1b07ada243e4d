// The test-only control API under /control/. It drives the peer (look up, follow,
// reply, post, unfollow) and reports what it received. JSON in, JSON out.
import { Create, Follow, Mention, Note, PUBLIC_COLLECTION, Undo, isActor } from "@fedify/vocab";
import { Temporal } from "@js-temporal/polyfill";
import { PEER_IDENTIFIER, signedLoader } from "./federation.mjs";

/** A failure the caller caused or that a remote server caused; becomes a JSON error answer. */
class ControlError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function json(status, body) {
  return new Response(JSON.stringify(body, null, 2), {
    status,
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}

async function readJsonBody(request) {
  try {
    const body = await request.json();
    if (body === null || typeof body !== "object") throw new Error("not an object");
    return body;
  } catch (error) {
    throw new ControlError(400, `request body must be a JSON object: ${error.message}`);
  }
}

function requireString(body, name) {
  const value = body[name];
  if (typeof value !== "string" || value.trim() === "") {
    throw new ControlError(400, `"${name}" must be a non-empty string`);
  }
  return value.trim();
}

function requireHttpUrl(body, name) {
  const value = requireString(body, name);
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new ControlError(400, `"${name}" is not a URL: ${value}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ControlError(400, `"${name}" must be an http(s) URL: ${value}`);
  }
  return url;
}

/**
 * Resolves `user@host:port` with WebFinger over plain http. Fedify's own acct:
 * lookup only speaks https, which a loopback test network does not have.
 */
async function webFingerActorUri(handle) {
  const bare = handle.startsWith("@") ? handle.slice(1) : handle;
  const at = bare.indexOf("@");
  if (at <= 0 || at === bare.length - 1) {
    throw new ControlError(400, `handle must look like user@host[:port], got ${handle}`);
  }
  const host = bare.slice(at + 1);
  const resource = `acct:${bare}`;
  const url = new URL(`http://${host}/.well-known/webfinger`);
  url.searchParams.set("resource", resource);
  let response;
  try {
    response = await fetch(url, { headers: { accept: "application/jrd+json, application/json" } });
  } catch (error) {
    throw new ControlError(502, `WebFinger request to ${url} failed: ${error.message}`);
  }
  if (!response.ok) throw new ControlError(502, `WebFinger ${url} answered ${response.status}`);
  const jrd = await response.json().catch(() => null);
  const links = Array.isArray(jrd?.links) ? jrd.links : [];
  const self = links.find(
    (link) =>
      link?.rel === "self" &&
      typeof link.href === "string" &&
      /application\/(activity\+json|ld\+json)/.test(link.type ?? ""),
  );
  if (self == null) throw new ControlError(502, `WebFinger ${url} has no ActivityPub self link`);
  return { webFingerUrl: url.href, subject: jrd.subject ?? null, actorUri: self.href };
}

/** Fetches an actor with a signed GET (as the peer) and checks that it is one. */
async function loadActor(ctx, uri) {
  let object;
  try {
    object = await ctx.lookupObject(uri, { documentLoader: await signedLoader(ctx) });
  } catch (error) {
    throw new ControlError(502, `fetching ${uri} failed: ${error.message}`);
  }
  if (object == null) throw new ControlError(502, `fetching ${uri} gave no object`);
  if (!isActor(object)) throw new ControlError(502, `${uri} is not an actor`);
  if (object.id == null || object.inboxId == null) throw new ControlError(502, `${uri} has no id or inbox`);
  return object;
}

function describeActor(actor) {
  return {
    id: actor.id.href,
    type: actor.constructor.name,
    preferredUsername: actor.preferredUsername?.toString() ?? null,
    name: actor.name?.toString() ?? null,
    inbox: actor.inboxId.href,
    sharedInbox: actor.endpoints?.sharedInbox?.href ?? null,
    outbox: actor.outboxId?.href ?? null,
    followers: actor.followersId?.href ?? null,
    publicKeyId: actor.publicKeyId?.href ?? null,
    publicKeyIds: actor.publicKeyIds.map((id) => id.href),
  };
}

/** Sends now (not through the queue) so the control call reports the delivery outcome. */
async function deliver(state, ctx, recipient, activity) {
  try {
    await ctx.sendActivity({ identifier: PEER_IDENTIFIER }, recipient, activity, { immediate: true });
  } catch (error) {
    throw new ControlError(502, `delivering ${activity.id.href} failed: ${error.message}`);
  }
  const to = Array.isArray(recipient) ? recipient.map((r) => r.id.href) : [recipient.id.href];
  state.recordSent({ type: activity.constructor.name, id: activity.id.href, to });
  state.outbox.push(activity);
}

function newId(ctx, kind) {
  return new URL(`${ctx.getActorUri(PEER_IDENTIFIER).href}/${kind}/${crypto.randomUUID()}`);
}

async function lookup(state, ctx, body) {
  const found = await webFingerActorUri(requireString(body, "handle"));
  const actor = await loadActor(ctx, found.actorUri);
  return { ...found, ...describeActor(actor) };
}

async function follow(state, ctx, body) {
  const actor = await loadActor(ctx, requireHttpUrl(body, "actor").href);
  const activity = new Follow({ id: newId(ctx, "follows"), actor: ctx.getActorUri(PEER_IDENTIFIER), object: actor.id });
  state.following.set(actor.id.href, { followId: activity.id.href, state: "pending" });
  await deliver(state, ctx, actor, activity);
  return { id: activity.id.href, actor: actor.id.href, inbox: actor.inboxId.href };
}

async function unfollow(state, ctx, body) {
  const actor = await loadActor(ctx, requireHttpUrl(body, "actor").href);
  const following = state.following.get(actor.id.href);
  if (following == null) throw new ControlError(409, `the peer does not follow ${actor.id.href}`);
  const peerUri = ctx.getActorUri(PEER_IDENTIFIER);
  const undo = new Undo({
    id: newId(ctx, "undos"),
    actor: peerUri,
    object: new Follow({ id: new URL(following.followId), actor: peerUri, object: actor.id }),
  });
  await deliver(state, ctx, actor, undo);
  state.following.delete(actor.id.href);
  return { id: undo.id.href, actor: actor.id.href };
}

/** Builds a Note by the peer and the Create that carries it; the Note stays dereferenceable. */
function authorNote(state, ctx, fields) {
  const noteUuid = crypto.randomUUID();
  const noteId = ctx.getObjectUri(Note, { identifier: PEER_IDENTIFIER, id: noteUuid });
  const published = Temporal.Now.instant();
  const note = new Note({ id: noteId, attribution: ctx.getActorUri(PEER_IDENTIFIER), published, ...fields });
  state.notes.set(noteId.href, note);
  const create = new Create({
    id: new URL(`${noteId.href}/activity`),
    actor: ctx.getActorUri(PEER_IDENTIFIER),
    object: note,
    published,
    tos: fields.tos,
    ccs: fields.ccs,
  });
  return { note, create };
}

async function reply(state, ctx, body) {
  const inReplyTo = requireHttpUrl(body, "inReplyTo");
  const actor = await loadActor(ctx, requireHttpUrl(body, "to").href);
  const content = requireString(body, "content");
  const isPublic = body.public === true;
  const host = actor.id.host;
  const { note, create } = authorNote(state, ctx, {
    content,
    replyTarget: inReplyTo,
    tos: [actor.id],
    ccs: isPublic ? [PUBLIC_COLLECTION] : [],
    tags: [new Mention({ href: actor.id, name: `@${actor.preferredUsername ?? "unknown"}@${host}` })],
  });
  await deliver(state, ctx, actor, create);
  return { id: create.id.href, noteId: note.id.href, to: actor.id.href };
}

async function post(state, ctx, body) {
  const content = requireString(body, "content");
  const { note, create } = authorNote(state, ctx, {
    content,
    tos: [PUBLIC_COLLECTION],
    ccs: [ctx.getFollowersUri(PEER_IDENTIFIER)],
  });
  const recipients = [...state.followers.values()].map((follower) => follower.recipient);
  if (recipients.length > 0) await deliver(state, ctx, recipients, create);
  return { id: create.id.href, noteId: note.id.href, deliveredTo: recipients.map((r) => r.id.href) };
}

function followerView(state) {
  return [...state.followers.values()].map(({ recipient: _omitted, ...plain }) => plain);
}

function followingView(state) {
  return [...state.following.entries()].map(([actor, f]) => ({ actor, ...f }));
}

const ROUTES = {
  "GET /control/health": (state, ctx) => ({ status: "ok", actor: ctx.getActorUri(PEER_IDENTIFIER).href }),
  "GET /control/received": (state) => state.received,
  "GET /control/rejected": (state) => state.rejected,
  "GET /control/sent": (state) => state.sent,
  "GET /control/followers": (state) => followerView(state),
  "GET /control/following": (state) => followingView(state),
  "POST /control/lookup": lookup,
  "POST /control/follow": follow,
  "POST /control/unfollow": unfollow,
  "POST /control/reply": reply,
  "POST /control/post": post,
};

/** Answers one /control/ request; never throws. */
export async function handleControl(request, federation, state) {
  const url = new URL(request.url);
  const route = ROUTES[`${request.method} ${url.pathname}`];
  if (route == null) return json(404, { error: `no control route ${request.method} ${url.pathname}` });
  const ctx = federation.createContext(new URL(url.origin), undefined);
  try {
    const body = request.method === "POST" ? await readJsonBody(request) : {};
    return json(200, await route(state, ctx, body));
  } catch (error) {
    if (error instanceof ControlError) {
      console.error(`control ${url.pathname}: ${error.message}`);
      return json(error.status, { error: error.message });
    }
    console.error(`control ${url.pathname} failed: ${error?.stack ?? error}`);
    return json(500, { error: String(error?.message ?? error) });
  }
}
