/**
 * The client API, Mastodon-compatible where Mastodon has the concept: resources, client models (DTOs) and the converters from domain objects to them.
 */
package org.tributary.node.api;
