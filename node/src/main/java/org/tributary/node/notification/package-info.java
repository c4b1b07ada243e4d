/**
 * Notifications: what an employee is told about (mentions, replies, follows, and later favourites,
 * boosts, kudos, poll and RSVP results, accepted answers), written in the same transaction as the
 * event that causes them and read through the client API's notifications endpoints.
 */
package org.tributary.node.notification;
