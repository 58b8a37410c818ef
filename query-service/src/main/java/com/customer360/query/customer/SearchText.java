package com.customer360.query.customer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the customer list finds customers by part of a name, email or phone: each customer document keeps its searchable
 * text (name and email lower-cased, phone as digits only) and the two- and three-letter pieces of it. A query is
 * looked up by its own pieces — through an index on MongoDB — and then matched exactly against the text. A query with
 * no letters is a phone number: its spaces and punctuation are ignored, like the stored phone's.
 */
final class SearchText {

    private static final Pattern NOT_DIGITS = Pattern.compile("\\D");
    private static final Pattern LETTERS = Pattern.compile("\\p{L}");

    private SearchText() {}

    /** The searchable text of a customer. */
    static String of(String name, String email, String phone) {
        return normalized(name) + "\n" + normalized(email) + "\n" + (phone == null ? "" : digits(phone));
    }

    /** The pieces a document is indexed by: every two and three characters in a row of each part. */
    static List<String> tokensOf(String text) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String part : text.split("\n")) {
            for (int length = 2; length <= 3; length++) {
                for (int i = 0; i + length <= part.length(); i++) {
                    tokens.add(part.substring(i, i + length));
                }
            }
        }
        return List.copyOf(tokens);
    }

    /** What a query looks for in the searchable text; empty for a query that looks for nothing. */
    static String needle(String query) {
        String normalized = normalized(query);
        if (!LETTERS.matcher(normalized).find() && !digits(normalized).isEmpty()) {
            return digits(normalized);
        }
        return normalized;
    }

    /** The pieces a needle must have: all its three-letter pieces, or itself when shorter (none for one letter). */
    static List<String> tokensOfNeedle(String needle) {
        if (needle.length() < 2) {
            return List.of();
        }
        if (needle.length() == 2) {
            return List.of(needle);
        }
        Set<String> tokens = new LinkedHashSet<>();
        for (int i = 0; i + 3 <= needle.length(); i++) {
            tokens.add(needle.substring(i, i + 3));
        }
        return List.copyOf(tokens);
    }

    private static String normalized(String value) {
        return value == null ? "" : value.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String digits(String value) {
        return NOT_DIGITS.matcher(value).replaceAll("");
    }
}
