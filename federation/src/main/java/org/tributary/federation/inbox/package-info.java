/**
 * The inbound pipeline, transport-neutral: {@link org.tributary.federation.inbox.InboxPipeline} takes the
 * raw parts of a POST to an inbox and runs the checks of DESIGN §3 in order (limits, signature and JSON
 * shape, key and key owner, peer and origin rules, de-duplication, durable storage), answering with an
 * {@link org.tributary.federation.inbox.InboxOutcome} that carries a stable error code when it rejects.
 * {@link org.tributary.federation.inbox.InboxDispatcher} then routes stored activities to the node's
 * typed handlers.
 */
package org.tributary.federation.inbox;
