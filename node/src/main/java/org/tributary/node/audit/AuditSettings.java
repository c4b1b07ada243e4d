package org.tributary.node.audit;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * How the log is run, read from {@code tributary.properties} ({@code audit.*} keys):
 *
 * @param signInterval      how often the signer looks for growth ({@code audit.checkpoint.interval.seconds},
 *                          default 15): well under a minute, so a busy log is signed at least once a minute
 * @param maxSilence        how long a peer may log traffic with us without publishing a checkpoint that covers
 *                          it before it counts as stopped ({@code audit.witness.max-silence.seconds}, 600)
 * @param bodyRetention     how long raw bodies are kept by default ({@code audit.retention.days}, 365)
 * @param retentionByKind   per-kind overrides ({@code audit.retention.<kind>.days}, e.g.
 *                          {@code audit.retention.fetch.sent.days=7})
 * @param sparqlTimeout     the time limit of one SPARQL query ({@code audit.sparql.timeout.seconds}, 10)
 * @param federationLogged  whether federated messages (inbound activities, deliveries) are logged
 *                          ({@code audit.federation.enabled}, default {@code true}). Only the benchmark turns
 *                          it off, to measure what logging costs; a node started without it says so in its log
 *                          and its peers see its checkpoints stop covering the traffic they exchange with it.
 */
public record AuditSettings(Duration signInterval, Duration maxSilence, Duration bodyRetention,
        Map<String, Duration> retentionByKind, Duration sparqlTimeout, boolean federationLogged) {

    private static final String RETENTION_PREFIX = "audit.retention.";

    public AuditSettings {
        Objects.requireNonNull(signInterval, "signInterval");
        Objects.requireNonNull(maxSilence, "maxSilence");
        Objects.requireNonNull(bodyRetention, "bodyRetention");
        Objects.requireNonNull(sparqlTimeout, "sparqlTimeout");
        retentionByKind = Map.copyOf(retentionByKind);
        if (signInterval.isZero() || signInterval.isNegative() || signInterval.compareTo(Duration.ofMinutes(1)) >= 0) {
            throw new IllegalArgumentException("the checkpoint interval must be between 0 and 60 seconds");
        }
    }

    public static AuditSettings defaults() {
        return new AuditSettings(Duration.ofSeconds(15), Duration.ofMinutes(10), Duration.ofDays(365), Map.of(),
                Duration.ofSeconds(10), true);
    }

    /** Reads the {@code audit.*} keys; absent keys keep their defaults. */
    public static AuditSettings from(Properties properties) {
        AuditSettings d = defaults();
        Map<String, Duration> byKind = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(RETENTION_PREFIX) && key.endsWith(".days") && !key.equals("audit.retention.days")) {
                String kind = key.substring(RETENTION_PREFIX.length(), key.length() - ".days".length());
                byKind.put(kind, Duration.ofDays(Long.parseLong(properties.getProperty(key).strip())));
            }
        }
        return new AuditSettings(
                seconds(properties, "audit.checkpoint.interval.seconds", d.signInterval()),
                seconds(properties, "audit.witness.max-silence.seconds", d.maxSilence()),
                properties.containsKey("audit.retention.days")
                        ? Duration.ofDays(Long.parseLong(properties.getProperty("audit.retention.days").strip()))
                        : d.bodyRetention(),
                byKind,
                seconds(properties, "audit.sparql.timeout.seconds", d.sparqlTimeout()),
                flag(properties, "audit.federation.enabled", d.federationLogged()));
    }

    /** The raw-body retention for entries of {@code kind}. */
    public Duration retentionOf(String kind) {
        return retentionByKind.getOrDefault(kind, bodyRetention);
    }

    private static boolean flag(Properties properties, String key, boolean fallback) {
        String value = properties.getProperty(key);
        if (value == null) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, not " + value.strip());
        };
    }

    private static Duration seconds(Properties properties, String key, Duration fallback) {
        String value = properties.getProperty(key);
        return value == null ? fallback : Duration.ofSeconds(Long.parseLong(value.strip()));
    }
}
