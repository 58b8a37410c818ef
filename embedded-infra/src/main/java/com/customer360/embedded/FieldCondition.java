package com.customer360.embedded;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one branch of a query asks of one field, in terms an index can answer: equal to one of some values, or
 * within a range (either end open). Values are normalised as index keys are.
 *
 * @param equals the values the field must equal (one for an equality, several for {@code $in}), or {@code null}
 * @param low the lower end of a range, or {@code null} for none
 * @param high the upper end of a range, or {@code null} for none
 * @param operators how many of the field's query operators this condition says (the rest are the matcher's)
 * @param allOf for {@code $all}, every value a match holds; {@code equals} then holds the first, and an index may
 *     look up any one of them instead (the rarest is the cheapest); otherwise {@code null}
 */
record FieldCondition(
        List<Object> equals,
        Object low,
        boolean lowInclusive,
        Object high,
        boolean highInclusive,
        int operators,
        List<Object> allOf) {

    static FieldCondition equalTo(List<Object> values) {
        return new FieldCondition(
                Collections.unmodifiableList(new ArrayList<>(values)), null, false, null, false, 1, null);
    }

    /** A field that must hold every one of {@code values} (as itself or an element of it). */
    static FieldCondition allOf(List<Object> values) {
        List<Object> all = Collections.unmodifiableList(new ArrayList<>(values));
        return new FieldCondition(
                Collections.singletonList(all.get(0)), null, false, null, false, values.size() == 1 ? 1 : 0, all);
    }

    boolean isEquality() {
        return equals != null;
    }

    boolean isSingleValue() {
        return equals != null && equals.size() == 1;
    }

    boolean isRange() {
        return equals == null;
    }

    /** A range over numbers is widened to its closed ends (see {@link IndexPlanner}), so it is never exact. */
    boolean isNumericRange() {
        return isRange() && (low instanceof Number || high instanceof Number);
    }

    boolean holdsNull() {
        return equals != null && equals.contains(null);
    }
}
