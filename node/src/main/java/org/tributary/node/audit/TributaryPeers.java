package org.tributary.node.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Which allowlisted peers run Tributary (their NodeInfo names the software {@code tributary}): only they are
 * sent checkpoints, so generic ActivityPub servers never see our audit vocabulary. An answer is remembered
 * for an hour, a failed look-up for five minutes.
 */
public final class TributaryPeers {
    private static final Duration KNOWN = Duration.ofHours(1);
    private static final Duration UNKNOWN = Duration.ofMinutes(5);

    private final Supplier<List<String>> allowlist;
    private final Function<String, Boolean> runsTributary;
    private final Clock clock;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    /**
     * @param runsTributary asks a peer (by authority) whether it runs Tributary; null when it cannot tell
     */
    public TributaryPeers(Supplier<List<String>> allowlist, Function<String, Boolean> runsTributary, Clock clock) {
        this.allowlist = allowlist;
        this.runsTributary = runsTributary;
        this.clock = clock;
    }

    /** The authorities of the allowlisted peers that run Tributary. */
    public List<String> list() {
        return allowlist.get().stream().filter(this::isTributary).toList();
    }

    private boolean isTributary(String authority) {
        Instant now = clock.instant();
        Answer cached = answers.get(authority);
        if (cached != null && cached.until.isAfter(now)) {
            return cached.tributary;
        }
        Boolean asked = runsTributary.apply(authority);
        Answer answer = new Answer(Boolean.TRUE.equals(asked), now.plus(asked == null ? UNKNOWN : KNOWN));
        answers.put(authority, answer);
        return answer.tributary;
    }

    private record Answer(boolean tributary, Instant until) {
    }
}
