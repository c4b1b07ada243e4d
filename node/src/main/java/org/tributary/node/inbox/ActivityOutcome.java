package org.tributary.node.inbox;

/**
 * What became of one handled activity: {@code done}, {@code failed}, or {@code pending} for a retry.
 *
 * @param id       the activity's place in its queue ({@link StoredActivity#id()})
 * @param attempts how many times its handler has run, this time included
 */
public record ActivityOutcome(long id, String state, String result, int attempts) {
    public static ActivityOutcome done(StoredActivity activity, String result) {
        return new ActivityOutcome(activity.id(), "done", result, activity.attempts() + 1);
    }

    public static ActivityOutcome failed(StoredActivity activity, String result) {
        return new ActivityOutcome(activity.id(), "failed", result, activity.attempts() + 1);
    }

    public static ActivityOutcome retry(StoredActivity activity, String result) {
        return new ActivityOutcome(activity.id(), "pending", result, activity.attempts() + 1);
    }

    /**
     * Done at the first attempt, applied or ignored: the usual outcome, which a queue may record by moving past
     * the activity alone.
     */
    boolean isDoneAtOnce() {
        return state.equals("done") && attempts == 1;
    }
}
