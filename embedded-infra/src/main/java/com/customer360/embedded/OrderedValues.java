package com.customer360.embedded;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The key values over which an index order and mongo-java-server's query order provably agree: {@code null} (and a
 * missing field), strings, booleans, dates, ObjectIds, UUIDs, and numbers of moderate size.
 *
 * <p>Why: a range or a sort answered from an index is only right if the index holds the documents in the order in
 * which the query matcher compares them ({@code ValueComparator}). For these values it does: both order strings by
 * {@code compareTo}, dates by instant, and numbers by their exact value. Outside them they part: the matcher compares
 * a {@code Long} beyond {@code int} with a fractional {@code double} by truncating it, sorts {@code NaN} above every
 * number where the index puts it below, compares an array by its smallest element, and matches an array against a
 * range element by element. An index that holds any other value (an array above all: a multikey index) still answers
 * equality, but ranges and sorts are left to the scan.
 */
final class OrderedValues {

    private static final double TWO_TO_THE_31 = 0x1p31;
    private static final long TWO_TO_THE_53 = 1L << 53;

    private OrderedValues() {}

    /** Whether {@code value}, as stored in a document, is one of the values described above. */
    static boolean isOrdered(Object value) {
        if (value == null
                || value instanceof Missing
                || value instanceof String
                || value instanceof Boolean
                || value instanceof Instant
                || value instanceof ObjectId
                || value instanceof UUID
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte) {
            return true;
        }
        if (value instanceof Long number) {
            return Math.abs(number) < TWO_TO_THE_53;
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            return !Double.isNaN(d) && Math.abs(d) < TWO_TO_THE_31;
        }
        return false;
    }

    /** How the values {@code document} holds at {@code paths} are ordered; an array anywhere makes it an array. */
    static Kind kindOf(Document document, List<String> paths) {
        Kind kind = Kind.ORDERED;
        for (String path : paths) {
            Object value = Utils.getSubdocumentValueCollectionAware(document, path);
            if (value instanceof Collection) {
                return Kind.ARRAY;
            }
            if (!isOrdered(value)) {
                kind = Kind.UNORDERED;
            }
        }
        return kind;
    }

    enum Kind {
        ORDERED,
        UNORDERED,
        ARRAY
    }
}
