// Drives two Tributary nodes' client API with masto, an independent Mastodon client library, the way a
// Mastodon app would, and prints one JSON object describing what every step returned.
//
//   node scenario.mjs <urlA> <userA> <urlB> <userB>      (the password comes from MASTO_PASSWORD)
//
// Steps never stop the scenario: each is recorded as {"ok": true, ...details} or
// {"ok": false, "status": <HTTP status or null>, "error": "..."}; the caller decides what must work.

import { createOAuthAPIClient, createRestAPIClient } from "masto";
import { createHash, randomBytes } from "node:crypto";

const [urlA, userA, urlB, userB] = process.argv.slice(2);
const password = process.env.MASTO_PASSWORD;
if (!urlA || !userA || !urlB || !userB || !password) {
  console.error("usage: MASTO_PASSWORD=... node scenario.mjs <urlA> <userA> <urlB> <userB>");
  process.exit(2);
}

const REDIRECT = "http://127.0.0.1/masto-scenario/callback";
const SCOPES = "read write follow";
const TIMEOUT_MS = 30_000;
const steps = {};

function base64url(bytes) {
  return Buffer.from(bytes).toString("base64url");
}

/** Runs one step and records its outcome; returns the step's value, or null when it failed. */
async function step(name, run) {
  try {
    const { value = null, ...details } = (await run()) ?? {};
    steps[name] = { ok: true, ...details };
    return value;
  } catch (error) {
    steps[name] = { ok: false, status: error?.statusCode ?? null, error: String(error?.message ?? error) };
    return null;
  }
}

/** Polls until check() returns something truthy, or throws after the timeout. */
async function eventually(what, check) {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const result = await check();
    if (result) {
      return result;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The browser part of the authorization code flow, done with plain fetch: show the form, log in. */
async function authorize(url, app, username, challenge, state) {
  const query = new URLSearchParams({
    response_type: "code", client_id: app.clientId, redirect_uri: REDIRECT, scope: SCOPES, state,
    code_challenge: challenge, code_challenge_method: "S256",
  });
  const page = await fetch(`${url}/oauth/authorize?${query}`);
  if (page.status !== 200) {
    throw new Error(`GET /oauth/authorize answered ${page.status}`);
  }
  const csrf = (await page.text()).match(/name="csrf_token" value="([^"]+)"/)?.[1];
  const cookie = page.headers.get("set-cookie")?.split(";")[0];
  if (!csrf || !cookie) {
    throw new Error("the login form has no CSRF token or cookie");
  }
  const form = new URLSearchParams(query);
  form.set("csrf_token", csrf);
  form.set("username", username);
  form.set("password", password);
  form.set("decision", "approve");
  const submitted = await fetch(`${url}/oauth/authorize`, {
    method: "POST", body: form, headers: { cookie }, redirect: "manual",
  });
  const location = submitted.headers.get("location");
  if (!location) {
    throw new Error(`POST /oauth/authorize answered ${submitted.status} without a redirect`);
  }
  const callback = new URL(location);
  if (callback.searchParams.get("state") !== state) {
    throw new Error("the redirect did not carry the state back");
  }
  return callback.searchParams.get("code");
}

// --- Node A: register an app and log in with the authorization code grant and PKCE.
const anonymousA = createRestAPIClient({ url: urlA });
const appA = await step("app", async () => {
  const app = await anonymousA.v1.apps.create({
    clientName: "masto scenario", redirectUris: REDIRECT, scopes: SCOPES, website: "https://example.org/",
  });
  return { value: app, name: app.name, hasClientId: Boolean(app.clientId), hasSecret: Boolean(app.clientSecret) };
});

const tokenA = appA && await step("login", async () => {
  const verifier = base64url(randomBytes(32));
  const challenge = base64url(createHash("sha256").update(verifier).digest());
  const code = await authorize(urlA, appA, userA, challenge, base64url(randomBytes(8)));
  const token = await createOAuthAPIClient({ url: urlA }).token.create({
    grantType: "authorization_code", clientId: appA.clientId, clientSecret: appA.clientSecret,
    redirectUri: REDIRECT, code, codeVerifier: verifier,
  });
  return { value: token.accessToken, scope: token.scope, tokenType: token.tokenType };
});
const alice = createRestAPIClient({ url: urlA, accessToken: tokenA ?? "none" });

await step("verify_app", async () => ({ name: (await alice.v1.apps.verifyCredentials()).name }));
const aliceAccount = await step("verify_account", async () => {
  const account = await alice.v1.accounts.verifyCredentials();
  return { value: account, username: account.username };
});
await step("instance_v2", async () => ({ domain: (await alice.v2.instance.fetch()).domain }));

// --- Node B: the colleague logs in with the password grant, through an app registered there.
const tokenB = await step("login_b", async () => {
  const app = await createRestAPIClient({ url: urlB }).v1.apps.create({
    clientName: "masto scenario", redirectUris: REDIRECT, scopes: SCOPES,
  });
  const token = await createOAuthAPIClient({ url: urlB }).token.create({
    grantType: "password", clientId: app.clientId, clientSecret: app.clientSecret, redirectUri: REDIRECT,
    username: userB, password, scope: SCOPES,
  });
  return { value: token.accessToken, scope: token.scope };
});
const bob = createRestAPIClient({ url: urlB, accessToken: tokenB ?? "none" });

// --- Posting, following, reading.
const ownPost = await step("post", async () => {
  const status = await alice.v1.statuses.create({ status: "Hello from masto #tributary", visibility: "public" });
  return { value: status, id: status.id, visibility: status.visibility, content: status.content };
});

const hostB = new URL(urlB).host;
const colleague = await step("lookup", async () => {
  const account = await alice.v1.accounts.lookup({ acct: `${userB}@${hostB}` });
  return { value: account, id: account.id, acct: account.acct };
});

await step("follow", async () => {
  const relationship = await alice.v1.accounts.$select(colleague.id).follow();
  return { following: relationship.following, requested: relationship.requested };
});

await step("relationship", async () => {
  const relationship = await eventually("the follow to be accepted", async () => {
    const [found] = await alice.v1.accounts.relationships.fetch({ id: [colleague.id] });
    return found?.following ? found : null;
  });
  return { following: relationship.following };
});

await step("colleague_post", async () => {
  const status = await bob.v1.statuses.create({ status: "Colleague here, from the other node", visibility: "public" });
  return { id: status.id };
});

const seenPost = await step("home", async () => {
  const status = await eventually("the colleague's post in the home timeline", async () => {
    const page = await alice.v1.timelines.home.list({ limit: 40 });
    return page.find((candidate) => candidate.content.includes("Colleague here"));
  });
  return { value: status, id: status.id, author: status.account.acct };
});

await step("reply", async () => {
  const reply = await alice.v1.statuses.create({
    status: `@${userB}@${hostB} nice to read you`, inReplyToId: seenPost.id, visibility: "public",
  });
  return { id: reply.id, inReplyToId: reply.inReplyToId ?? null, parentId: seenPost.id };
});

await step("account_statuses", async () => {
  const page = await alice.v1.accounts.$select(aliceAccount.id).statuses.list({ limit: 40 });
  return { ids: page.map((status) => status.id), includesPost: page.some((status) => status.id === ownPost?.id) };
});

await step("department_timeline", async () => {
  const page = await alice.v1.timelines.public.list({ local: true });
  return { includesPost: page.some((status) => status.id === ownPost?.id) };
});

await step("tag_timeline", async () => {
  const page = await alice.v1.timelines.tag.$select("tributary").list();
  return { ids: page.map((status) => status.id) };
});

await step("update_credentials", async () => {
  const account = await alice.v1.accounts.updateCredentials({ displayName: "Alice M.", note: "Writes <b>code</b>" });
  return { displayName: account.displayName, note: account.note };
});

await step("favourite", async () => {
  const status = await alice.v1.statuses.$select(seenPost.id).favourite();
  return { favourited: status.favourited ?? null };
});

// --- Features the node does not have yet: record what they answer.
await step("search", async () => {
  const results = await alice.v2.search.list({ q: "tributary" });
  return { statuses: results.statuses?.length ?? null };
});

// --- Revocation: the token stops working at once.
await step("revoke", async () => {
  await createOAuthAPIClient({ url: urlA }).revoke({
    clientId: appA.clientId, clientSecret: appA.clientSecret, token: tokenA,
  });
  try {
    await alice.v1.accounts.verifyCredentials();
    return { statusAfter: 200 };
  } catch (error) {
    return { statusAfter: error?.statusCode ?? null };
  }
});

process.stdout.write(JSON.stringify({ steps }) + "\n");
