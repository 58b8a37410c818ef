package com.customer360.query.deadletters;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Keeps dead letters durable in the order that lets a re-drive run beside the live listener: stored first, then the
 * customers' holds bumped (a re-drive that read a hold's version before the bump cannot release it any more, and one
 * that reads it after finds these dead letters), then published to the dead-letter topic for alerting.
 */
@Component
class DeadLetterKeeper implements DeadLetters {

    /** A customer's dead letters in the order their records had on the topic. */
    private static final Comparator<DeadLetter> TOPIC_ORDER = Comparator.comparing(
                    (DeadLetter deadLetter) -> deadLetter.record().partition())
            .thenComparing(deadLetter -> deadLetter.record().offset());

    private final StoredDeadLetters stored;
    private final HeldCustomers heldCustomers;
    private final DeadLetterPublisher topic;
    private final GapHealer healer;

    DeadLetterKeeper(
            StoredDeadLetters stored, HeldCustomers heldCustomers, DeadLetterPublisher topic, GapHealer healer) {
        this.stored = stored;
        this.heldCustomers = heldCustomers;
        this.topic = topic;
        this.healer = healer;
    }

    @Override
    public Map<String, Hold> heldAmong(Collection<String> customerIds) {
        return heldCustomers.among(customerIds);
    }

    @Override
    public void keep(List<DeadLetter> deadLetters) {
        if (deadLetters.isEmpty()) {
            return;
        }
        List<DeadLetter> inTopicOrder = deadLetters.stream().sorted(TOPIC_ORDER).toList();
        stored.store(inTopicOrder);
        heldCustomers.hold(inTopicOrder);
        topic.publish(inTopicOrder);
        healer.soon();
    }
}
