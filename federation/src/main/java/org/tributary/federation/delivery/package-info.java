/**
 * The delivery engine: {@link org.tributary.federation.delivery.DeliveryPlanner} turns recipients into one
 * job per peer node, {@link org.tributary.federation.delivery.DeliveryWorker} drains the node's durable
 * {@link org.tributary.federation.spi.DeliveryQueue}, signing each POST and retrying failures with a
 * Mastodon-like {@link org.tributary.federation.delivery.BackoffSchedule}.
 * {@link org.tributary.federation.delivery.DoubleKnockSender} sends any signed request (deliveries and
 * signed fetches alike) with RFC 9421 first and draft-cavage as the fallback, remembering per peer what
 * worked; RFC 9421 signs with the actor's Ed25519 key, draft-cavage with its RSA key
 * ({@link org.tributary.federation.signature.SigningKeys}).
 */
package org.tributary.federation.delivery;
