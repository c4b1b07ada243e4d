/**
 * The ActivityPub server side: actor documents, inboxes, outbox, collections and the discovery documents (WebFinger, NodeInfo, our JSON-LD context). Thin resources over the services.
 */
package org.tributary.node.activitypub;
