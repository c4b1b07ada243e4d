/**
 * Kudos: recognition from one employee to colleagues, with a message and an optional value
 * ("teamwork"). A kudos is a post addressed to the whole organization and to its recipients, plus the
 * rows that make it countable: who gave it, to whom, for which value. Feeds per person and for the
 * organization, and counts by value, are read from here.
 */
package org.tributary.node.kudos;
