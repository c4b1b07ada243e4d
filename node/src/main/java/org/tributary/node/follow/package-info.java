/**
 * Following: relations between accounts, pending until accepted, and the follow/unfollow use cases.
 */
package org.tributary.node.follow;
