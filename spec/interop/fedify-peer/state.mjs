// In-memory records of one peer process. Nothing here survives a restart: each
// test starts its own peer and reads what happened through the control API.

/** How many raw inbound bodies are kept for pairing with verified activities. */
const RAW_BODY_LIMIT = 500;

export class PeerState {
  constructor() {
    /** Activities that passed Fedify's signature checks and reached a listener. */
    this.received = [];
    /** Inbound activities whose signature Fedify could not verify. */
    this.rejected = [];
    /** Activities this peer sent, newest last (served as the outbox too). */
    this.sent = [];
    /** Activity objects this peer sent, served by its outbox. */
    this.outbox = [];
    /** Actor id -> { id, inbox, sharedInbox, followId, recipient } of actors following the peer. */
    this.followers = new Map();
    /** Actor id -> { followId, state } for Follows this peer sent. */
    this.following = new Map();
    /** Note id -> Note objects this peer authored, so they can be dereferenced. */
    this.notes = new Map();
    /** Activity id -> JSON body exactly as it arrived on the wire. */
    this.rawBodies = new Map();
    this.nextSequence = 1;
  }

  /** Remembers the wire form of an inbound activity, keyed by its id. */
  rememberRawBody(json) {
    if (json === null || typeof json !== "object" || typeof json.id !== "string") return;
    this.rawBodies.set(json.id, json);
    if (this.rawBodies.size > RAW_BODY_LIMIT) {
      const oldest = this.rawBodies.keys().next().value;
      this.rawBodies.delete(oldest);
    }
  }

  recordReceived(entry) {
    const raw = entry.id == null ? null : this.rawBodies.get(entry.id) ?? null;
    const record = { sequence: this.nextSequence++, receivedAt: new Date().toISOString(), ...entry, raw };
    this.received.push(record);
    return record;
  }

  recordRejected(entry) {
    this.rejected.push({ receivedAt: new Date().toISOString(), ...entry });
  }

  recordSent(entry) {
    this.sent.push({ sentAt: new Date().toISOString(), ...entry });
  }
}
