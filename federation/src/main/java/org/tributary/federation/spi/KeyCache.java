package org.tributary.federation.spi;

import java.net.URI;
import java.util.Optional;

/**
 * Where resolved remote keys are kept between requests, so that a busy peer's key is not fetched for
 * every activity. The node implements it durably; an in-memory version ships with the test fixtures.
 */
public interface KeyCache {

    Optional<ResolvedKey> get(URI keyId);

    void put(ResolvedKey key);

    void invalidate(URI keyId);
}
