/**
 * Posts: writing, editing and deleting them (with their recipients, hashtags and notifications),
 * formatting what employees type into safe HTML, sanitizing what peers send, and reading posts back.
 */
package org.tributary.node.post;
