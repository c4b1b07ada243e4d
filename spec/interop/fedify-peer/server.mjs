// Entry point: a Fedify peer on http://127.0.0.1:<port>, plus the test-only
// control API under /control/. Usage: node server.mjs <port>  (or PORT=<port>).
// Prints "READY <port>" on stdout once it answers requests.
import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";
import { configure, getTextFormatter } from "@logtape/logtape";
import { handleControl } from "./control.mjs";
import { createPeerFederation } from "./federation.mjs";
import { PeerState } from "./state.mjs";

const HOST = "127.0.0.1";
const MAX_BODY_BYTES = 1024 * 1024;

function parsePort() {
  const text = process.argv[2] ?? process.env.PORT;
  const port = Number(text);
  if (text == null || !Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`usage: node server.mjs <port>   (got ${text ?? "no port"})`);
    process.exit(2);
  }
  return port;
}

/** Fedify logs (signature failures, deliveries) go to stderr; stdout stays for READY. */
async function configureLogging() {
  const format = getTextFormatter();
  await configure({
    contextLocalStorage: new AsyncLocalStorage(),
    sinks: { stderr: (record) => process.stderr.write(format(record)) },
    loggers: [
      { category: "fedify", lowestLevel: process.env.FEDIFY_LOG_LEVEL ?? "info", sinks: ["stderr"] },
      { category: ["logtape", "meta"], lowestLevel: "warning", sinks: ["stderr"] },
    ],
  });
}

async function readBody(incoming) {
  const chunks = [];
  let size = 0;
  for await (const chunk of incoming) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error("request body too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Node request -> Fetch Request, which is what Fedify's `federation.fetch` takes. */
function toFetchRequest(incoming, body) {
  const host = incoming.headers.host ?? `${HOST}:${incoming.socket.localPort}`;
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value != null) headers.set(name, value);
  }
  const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD";
  return new Request(`http://${host}${incoming.url}`, {
    method: incoming.method,
    headers,
    body: hasBody ? body : undefined,
  });
}

/** Keeps the wire JSON of inbox POSTs so /control/received can show it next to Fedify's view. */
function rememberInboxBody(state, request, body) {
  if (request.method !== "POST" || !new URL(request.url).pathname.endsWith("/inbox")) return;
  try {
    state.rememberRawBody(JSON.parse(body.toString("utf8")));
  } catch {
    // Not JSON: Fedify will answer it; there is nothing to remember.
  }
}

async function writeResponse(outgoing, response) {
  const headers = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  outgoing.writeHead(response.status, headers);
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}

async function handle(incoming, outgoing, federation, state) {
  const body = await readBody(incoming);
  const request = toFetchRequest(incoming, body);
  const path = new URL(request.url).pathname;
  if (path.startsWith("/control/")) {
    const response = await handleControl(request, federation, state);
    console.error(`control ${incoming.method} ${path} -> ${response.status}`);
    await writeResponse(outgoing, response);
    return;
  }
  rememberInboxBody(state, request, body);
  const response = await federation.fetch(request, {
    contextData: undefined,
    onNotFound: () => new Response("Not Found", { status: 404 }),
    onNotAcceptable: () => new Response("Not Acceptable", { status: 406 }),
  });
  await writeResponse(outgoing, response);
}

async function main() {
  const port = parsePort();
  await configureLogging();
  const state = new PeerState();
  // Set once the port is known; until then every request is answered 503.
  let federation = null;
  const server = http.createServer((incoming, outgoing) => {
    if (federation == null) {
      outgoing.writeHead(503, { "content-type": "text/plain" });
      outgoing.end("starting");
      return;
    }
    handle(incoming, outgoing, federation, state).catch((error) => {
      // A bad inbound request must never take the peer down.
      console.error(`${incoming.method} ${incoming.url} failed: ${error?.stack ?? error}`);
      if (!outgoing.headersSent) outgoing.writeHead(500, { "content-type": "text/plain" });
      outgoing.end("internal error");
    });
  });
  server.on("clientError", (error, socket) => {
    console.error(`client error: ${error.message}`);
    socket.destroy();
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, HOST, resolve);
  }).catch((error) => {
    console.error(`cannot listen on ${HOST}:${port}: ${error.message}`);
    process.exit(1);
  });
  // With port 0 the real port, and so the origin, is known only after listening.
  const actualPort = server.address().port;
  federation = await createPeerFederation(state, `http://${HOST}:${actualPort}`);
  process.stdout.write(`READY ${actualPort}\n`);
  // Nothing to flush: all state is in memory and meant to die with the process.
  const stop = () => process.exit(0);
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

process.on("unhandledRejection", (reason) => console.error(`unhandled rejection: ${reason?.stack ?? reason}`));
process.on("uncaughtException", (error) => console.error(`uncaught exception: ${error?.stack ?? error}`));

await main();
