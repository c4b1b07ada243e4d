/**
 * Polls: a post with options (AS2 {@code Question} with {@code oneOf} or {@code anyOf}), an end time
 * and counts. The author's node keeps the votes and the tally and tells everyone the counts
 * ({@code Update(Question)}); other nodes send their employees' votes to it and show what it reports.
 * A scheduled closer ends polls at their end time.
 */
package org.tributary.node.poll;
