package com.customer360.query.fold;

/**
 * The per-aggregate order every document keeps: an aggregate's events carry positions 0, 1, 2, ...; a document that
 * has applied position {@code n} applies {@code n + 1} next, ignores {@code n} and below (redeliveries, replays) and
 * treats anything further as a gap — something missing to wait for, never something to skip.
 */
public final class Sequence {

    /** The position of a document that has applied nothing of the aggregate yet. */
    public static final long NONE = -1;

    private Sequence() {}

    /**
     * @return {@code null} when the event at {@code position} is the next one to apply, otherwise why not
     */
    public static FoldOutcome check(long lastApplied, long position) {
        if (position <= lastApplied) {
            return FoldOutcome.ALREADY_APPLIED;
        }
        return position == lastApplied + 1 ? null : FoldOutcome.SEQUENCE_GAP;
    }
}
