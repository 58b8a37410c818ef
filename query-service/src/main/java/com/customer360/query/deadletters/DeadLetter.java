package com.customer360.query.deadletters;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record that is not applied, with why: it cannot be read, a read model could not apply it (out of sequence, a
 * document the store refuses, ...), or its customer is held behind an earlier dead letter and applying it now would
 * put the customer's events out of order.
 *
 * @param reasonCode a stable code such as {@code MALFORMED_JSON}, {@code SEQUENCE_GAP} or {@link
 *     #HELD_BEHIND_DEAD_LETTER}
 * @param reason a message a person can act on; it may quote the record, so it goes into headers and the dead-letter
 *     store, never into logs
 * @param heldBehind the id of the dead letter this one waits behind, or {@code null} if it failed on its own
 */
public record DeadLetter(ConsumerRecord<String, byte[]> record, String reasonCode, String reason, String heldBehind) {

    /** The reason code of a record that was not applied because its customer is held. */
    public static final String HELD_BEHIND_DEAD_LETTER = "HELD_BEHIND_DEAD_LETTER";

    /** What {@link #idOf} produces: the topic name, then the partition and the offset, joined by dashes. */
    public static final String ID_PATTERN = "[A-Za-z0-9._-]{1,249}-\\d{1,10}-\\d{1,19}";

    public DeadLetter(ConsumerRecord<String, byte[]> record, String reasonCode, String reason) {
        this(record, reasonCode, reason, null);
    }

    /** A record of a held customer: it waits, readable or not, until the dead letter it is held behind is re-driven. */
    public static DeadLetter heldBehind(ConsumerRecord<String, byte[]> record, Hold hold) {
        return new DeadLetter(
                record,
                HELD_BEHIND_DEAD_LETTER,
                "held behind the customer's first dead letter " + hold.firstDeadLetterId() + " (topic " + hold.topic()
                        + ", partition " + hold.partition() + ", offset " + hold.offset() + ")",
                hold.firstDeadLetterId());
    }

    /** The customer the record is keyed by; {@code null} for a record without a key, which holds nobody. */
    public String customerId() {
        return record.key();
    }

    public String id() {
        return idOf(record);
    }

    /** Unique per record ever written to Kafka, so storing a redelivered dead letter again changes nothing. */
    public static String idOf(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "-" + record.offset();
    }
}
