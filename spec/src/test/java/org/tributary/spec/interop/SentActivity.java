package org.tributary.spec.interop;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * An activity the Fedify peer delivered (the control call returns only once delivery succeeded).
 *
 * @param id the activity id
 * @param noteId the Note it carries, for Create
 * @param recipients the actors it was delivered to
 */
public record SentActivity(URI id, Optional<URI> noteId, List<URI> recipients) {
}
