package com.customer360.embedded;

import com.customer360.embedded.IndexKeyOrder.Rank;

/**
 * A key element that is never stored and only bounds a search in an index map: just below or above one value, just
 * below or above every value of one type, or below or above everything.
 *
 * <p>Why: an index range such as "all dates before d, within customer c" starts and ends between stored keys. A
 * bound that compares unequal to every stored key makes both ends unambiguous without knowing the neighbouring keys,
 * and lets one cursor walk exactly the entries of a range in either direction. Value and type edges compare in value
 * order, so a descending column reverses them like its values; the extremes are physical and never reversed.
 */
sealed interface SearchBound {

    SearchBound LOWEST = new Extreme(false);
    SearchBound HIGHEST = new Extreme(true);

    /** Compares this bound with a stored key element of a column, physically (after the column's direction). */
    int compareTo(Object stored, boolean descending);

    static SearchBound below(Object normalisedValue) {
        return new ValueEdge(normalisedValue, false);
    }

    static SearchBound above(Object normalisedValue) {
        return new ValueEdge(normalisedValue, true);
    }

    static SearchBound belowEvery(Rank rank) {
        return new RankEdge(rank, false);
    }

    static SearchBound aboveEvery(Rank rank) {
        return new RankEdge(rank, true);
    }

    record Extreme(boolean high) implements SearchBound {
        @Override
        public int compareTo(Object stored, boolean descending) {
            return high ? 1 : -1;
        }
    }

    record ValueEdge(Object value, boolean above) implements SearchBound {
        @Override
        public int compareTo(Object stored, boolean descending) {
            int cmp = IndexKeyOrder.compareValues(value, stored);
            if (cmp == 0) {
                cmp = above ? 1 : -1;
            }
            return descending ? -cmp : cmp;
        }
    }

    record RankEdge(Rank rank, boolean above) implements SearchBound {
        @Override
        public int compareTo(Object stored, boolean descending) {
            Rank storedRank = Rank.of(stored);
            int cmp = rank == storedRank ? (above ? 1 : -1) : Integer.compare(rank.ordinal(), storedRank.ordinal());
            return descending ? -cmp : cmp;
        }
    }
}
