/**
 * Events ("I'll be in town"): a post that is an AS2 {@code Event} with a place and a time; colleagues
 * answer with RSVPs (accept, tentative, reject), federated as {@code Accept}, {@code TentativeAccept}
 * or {@code Reject} of the Event to its organizer's node, which keeps the attendee list.
 */
package org.tributary.node.event;
