package com.customer360.command;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Hamcrest matchers for {@link CommandRejected}, for Axon's test fixtures. */
public final class Rejections {

    private Rejections() {}

    public static Matcher<CommandRejected> rejected(CommandRejected.Kind kind, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRejected item) {
                return item.kind() == kind && java.util.Objects.equals(item.field(), field);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("rejected as " + kind + " on field " + field);
            }

            @Override
            protected void describeMismatchSafely(CommandRejected item, Description mismatch) {
                mismatch.appendText("was " + item.kind() + " on field " + item.field() + ": " + item.getMessage());
            }
        };
    }
}
