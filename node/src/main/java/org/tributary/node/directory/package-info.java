/**
 * The organization directory: each node lists its own people (client API {@code /api/v1/directory},
 * and {@code /directory} for signed peers), and a directory search asks every allowlisted peer in
 * parallel, with a time limit, and merges what comes back.
 */
package org.tributary.node.directory;
