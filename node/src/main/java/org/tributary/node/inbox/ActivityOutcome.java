package org.tributary.node.inbox;

/**
 * What became of one handled activity: {@code done}, {@code failed}, or {@code pending} for a retry.
 *
 * @param id       the activity's place in its queue ({@link StoredActivity#id()})
 * @param attempts how many times its handler has run, this time included
 */
public record ActivityOutcome(long id, String state, String result, int attempts) {
    /** The width of the result columns the outcome is stored in. */
    private static final int RESULT_COLUMN = 500;
    public static ActivityOutcome done(StoredActivity activity, String result) {
        return new ActivityOutcome(activity.id(), "done", result, activity.attempts() + 1);
    }

    public static ActivityOutcome failed(StoredActivity activity, String result) {
        return new ActivityOutcome(activity.id(), "failed", result, activity.attempts() + 1);
    }

    public static ActivityOutcome retry(StoredActivity activity, String result) {
        return new ActivityOutcome(activity.id(), "pending", result, activity.attempts() + 1);
    }

    /** The result as it is stored: cut to its column's width. */
    String storedResult() {
        return result == null ? null : result.substring(0, Math.min(result.length(), RESULT_COLUMN));
    }

    /**
     * Done at the first attempt, applied or ignored: the usual outcome, which a queue may record by moving past
     * the activity alone.
     */
    boolean isDoneAtOnce() {
        return state.equals("done") && attempts == 1;
    }
}
