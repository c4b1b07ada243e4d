package org.tributary.node.timeline;

import java.time.Instant;

/** Where an employee stopped reading one timeline ({@code home} or {@code notifications}). */
public record Marker(String timeline, long lastReadId, int version, Instant updatedAt) {
}
