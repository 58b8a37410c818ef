package com.customer360.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The order of unique-index keys in the store: {@link KeyValue}s compared element by element, each element in
 * mongo-java-server's value order, so that a B-tree lookup costs a few field comparisons instead of the two Java
 * serialisations per comparison that MVStore's default key type spends on a key class that is not
 * {@link Comparable}.
 *
 * <p>Two keys compare as equal exactly when mongo-java-server's unique index treats them as duplicates. The index
 * stores and looks up keys {@linkplain KeyValue#normalized() normalised} (every number becomes a {@code Double},
 * or a {@code Long} if no {@code double} holds it exactly; {@code null} and missing become {@code null}; embedded
 * documents and arrays are normalised inside), and with MVStore's default key type two normalised keys were the
 * same key exactly when their serialised bytes were equal. So {@code 1}, {@code 1L} and {@code 1.0} are one key,
 * as are {@code null} and a missing field, while embedded documents with the same fields in another order and
 * arrays with other elements or another length are different keys.
 *
 * <p>Scalars of the same type are compared with {@link ValueComparator#ascWithoutListHandling()} (the variant
 * that does not reduce an array to its smallest element), and types are ordered as it orders them: MinKey, null,
 * numbers, strings, documents, arrays, binary data, legacy UUIDs, UUIDs, ObjectIds, booleans, dates, timestamps,
 * regular expressions, MaxKey. Numbers, documents, arrays, regular expressions and JavaScript are compared here
 * instead, because {@code ValueComparator} is not a consistent total order for them: a {@code NaN} is neither
 * below nor above a {@code Long} consistently, two empty arrays compare as less than each other, documents
 * compare arrays inside them by their smallest element, {@code [1]} equals {@code [1, null]}, and regular
 * expressions and JavaScript cannot be compared at all. Here {@code NaN} equals {@code NaN} and is below every
 * other number (as in MongoDB), a shorter array or document is below a longer one with the same prefix, and
 * JavaScript and any unexpected type sort after regular expressions, before MaxKey.
 */
final class IndexKeyOrder implements Comparator<KeyValue> {

    static final IndexKeyOrder INSTANCE = new IndexKeyOrder();

    private static final Comparator<Object> SCALARS = ValueComparator.ascWithoutListHandling();
    private static final double TWO_TO_THE_63 = 0x1p63;

    private IndexKeyOrder() {}

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int size = Math.min(a.size(), b.size());
        for (int i = 0; i < size; i++) {
            int cmp = compareValues(a.get(i), b.get(i));
            if (cmp != 0) {
                return cmp;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Compares two normalised key elements; a consistent total order over every value a document can hold. */
    static int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        Rank rankA = Rank.of(a);
        Rank rankB = Rank.of(b);
        if (rankA != rankB) {
            return Integer.compare(rankA.ordinal(), rankB.ordinal());
        }
        return switch (rankA) {
            case MIN_KEY, NULL, MAX_KEY -> 0;
            case STRING -> ((String) a).compareTo((String) b);
            case NUMBER -> compareNumbers((Number) a, (Number) b);
            case DOCUMENT -> compareDocuments((Document) a, (Document) b);
            case ARRAY -> compareLists((List<?>) a, (List<?>) b);
            case REGULAR_EXPRESSION -> compareRegularExpressions((BsonRegularExpression) a, (BsonRegularExpression) b);
            case JAVASCRIPT -> compareNullable(((BsonJavaScript) a).getCode(), ((BsonJavaScript) b).getCode());
            case OTHER -> compareOthers(a, b);
            default -> SCALARS.compare(a, b);
        };
    }

    private static int compareNumbers(Number a, Number b) {
        boolean integralA = isIntegral(a);
        boolean integralB = isIntegral(b);
        if (integralA && integralB) {
            return Long.compare(a.longValue(), b.longValue());
        }
        if (integralA) {
            return compareLongToDouble(a.longValue(), b.doubleValue());
        }
        if (integralB) {
            return -compareLongToDouble(b.longValue(), a.doubleValue());
        }
        return compareDoubles(a.doubleValue(), b.doubleValue());
    }

    private static boolean isIntegral(Number number) {
        return number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte;
    }

    /** NaN equals NaN and is below every other number; -0.0 equals 0.0. */
    private static int compareDoubles(double a, double b) {
        if (a == b) {
            return 0;
        }
        boolean nanA = Double.isNaN(a);
        boolean nanB = Double.isNaN(b);
        if (nanA || nanB) {
            return nanA && nanB ? 0 : nanA ? -1 : 1;
        }
        return a < b ? -1 : 1;
    }

    /** Compares a long with a double exactly, without the rounding of converting either to the other's type. */
    private static int compareLongToDouble(long l, double d) {
        if (Double.isNaN(d)) {
            return 1;
        }
        if (d >= TWO_TO_THE_63) {
            return -1;
        }
        if (d < -TWO_TO_THE_63) {
            return 1;
        }
        long truncated = (long) d; // exact: |d| < 2^63
        if (l != truncated) {
            return Long.compare(l, truncated);
        }
        // l equals d's integral part; d is above or below l by its fraction, which is exact when present
        return compareDoubles((double) truncated, d);
    }

    private static int compareDocuments(Document a, Document b) {
        Iterator<Map.Entry<String, Object>> entriesA = a.entrySet().iterator();
        Iterator<Map.Entry<String, Object>> entriesB = b.entrySet().iterator();
        while (entriesA.hasNext() && entriesB.hasNext()) {
            Map.Entry<String, Object> entryA = entriesA.next();
            Map.Entry<String, Object> entryB = entriesB.next();
            // as ValueComparator does: the type of the value first, then the field name, then the value
            int cmp = Integer.compare(
                    Rank.of(entryA.getValue()).ordinal(),
                    Rank.of(entryB.getValue()).ordinal());
            if (cmp == 0) {
                cmp = entryA.getKey().compareTo(entryB.getKey());
            }
            if (cmp == 0) {
                cmp = compareValues(entryA.getValue(), entryB.getValue());
            }
            if (cmp != 0) {
                return cmp;
            }
        }
        return Boolean.compare(entriesA.hasNext(), entriesB.hasNext());
    }

    private static int compareLists(List<?> a, List<?> b) {
        Iterator<?> elementsA = a.iterator();
        Iterator<?> elementsB = b.iterator();
        while (elementsA.hasNext() && elementsB.hasNext()) {
            int cmp = compareValues(elementsA.next(), elementsB.next());
            if (cmp != 0) {
                return cmp;
            }
        }
        return Boolean.compare(elementsA.hasNext(), elementsB.hasNext());
    }

    private static int compareRegularExpressions(BsonRegularExpression a, BsonRegularExpression b) {
        int cmp = compareNullable(a.getPattern(), b.getPattern());
        return cmp != 0 ? cmp : compareNullable(a.getOptions(), b.getOptions());
    }

    private static int compareNullable(String a, String b) {
        return Objects.compare(a, b, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    /**
     * Types a BSON document cannot hold; only here to keep the order total. Ordered by class name, then as
     * MVStore's default key type orders them, which is consistent with the old equality of serialised bytes.
     */
    private static int compareOthers(Object a, Object b) {
        int cmp = a.getClass().getName().compareTo(b.getClass().getName());
        if (cmp != 0) {
            return cmp;
        }
        return ObjectDataType.compareNotNull(ObjectDataType.serialize(a), ObjectDataType.serialize(b));
    }

    /** The type order of {@link ValueComparator}, with JavaScript and unexpected types before MaxKey. */
    enum Rank {
        MIN_KEY,
        NULL,
        NUMBER,
        STRING,
        DOCUMENT,
        ARRAY,
        BINARY,
        LEGACY_UUID,
        UUID,
        OBJECT_ID,
        BOOLEAN,
        DATE,
        TIMESTAMP,
        REGULAR_EXPRESSION,
        JAVASCRIPT,
        OTHER,
        MAX_KEY;

        static Rank of(Object value) {
            if (value == null || value instanceof Missing) {
                return NULL;
            } else if (value instanceof String) {
                return STRING;
            } else if (value instanceof Number) {
                return NUMBER;
            } else if (value instanceof Document) {
                return DOCUMENT;
            } else if (value instanceof List) {
                return ARRAY;
            } else if (value instanceof ObjectId) {
                return OBJECT_ID;
            } else if (value instanceof java.util.UUID) {
                return UUID;
            } else if (value instanceof Boolean) {
                return BOOLEAN;
            } else if (value instanceof Instant) {
                return DATE;
            } else if (value instanceof BinData) {
                return BINARY;
            } else if (value instanceof LegacyUUID) {
                return LEGACY_UUID;
            } else if (value instanceof BsonTimestamp) {
                return TIMESTAMP;
            } else if (value instanceof BsonRegularExpression) {
                return REGULAR_EXPRESSION;
            } else if (value instanceof BsonJavaScript) {
                return JAVASCRIPT;
            } else if (value instanceof MinKey) {
                return MIN_KEY;
            } else if (value instanceof MaxKey) {
                return MAX_KEY;
            }
            return OTHER;
        }
    }
}
