/**
 * Media attachments: uploads checked by their bytes (type, size, dimensions, no markup or script),
 * stored content-addressed under the data directory, attached to posts as {@code Image}/{@code Document},
 * served with headers that stop browsers from interpreting them; and references to peers' media.
 * The rules are written down in {@code spec/media.md}.
 */
package org.tributary.node.media;
