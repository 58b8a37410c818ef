package com.customer360.query.intake;

import static com.customer360.events.cloudevents.UnreadableEventException.Reason.INVALID_DATA;

import com.customer360.events.DomainEvent;
import com.customer360.events.Money;
import com.customer360.events.cloudevents.CloudEventCodec;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.events.cloudevents.UnreadableEventException;
import com.customer360.events.order.OrderDrafted;
import com.customer360.events.order.OrderLine;
import com.customer360.events.order.OrderPlaced;
import com.customer360.events.order.OrderRefunded;
import com.customer360.query.deadletters.DeadLetter;
import java.math.BigDecimal;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/**
 * Reads a record as an event the projections can fold, or says why it cannot. Besides what the codec checks, money
 * must be in a real currency, fit its minor digits and stay within the contract's 15 digits before the point: the
 * projections fold amounts exactly and the store keeps them as 34-digit decimals, so an amount beyond that (a huge
 * exponent, 40 digits) is refused here, as a dead letter, rather than thrown by the store.
 */
@Component
public class EventReader {

    private final CloudEventCodec codec;

    EventReader(CloudEventCodec codec) {
        this.codec = codec;
    }

    /** The outcome of reading one record: exactly one of {@code event} and {@code deadLetter} is set. */
    public record Read(EventEnvelope event, DeadLetter deadLetter) {}

    public Read read(ConsumerRecord<String, byte[]> record) {
        try {
            EventEnvelope envelope = codec.decode(record.value());
            String problem = moneyProblem(envelope.event());
            if (problem != null) {
                return new Read(null, new DeadLetter(record, INVALID_DATA.name(), problem));
            }
            return new Read(envelope, null);
        } catch (UnreadableEventException e) {
            return new Read(null, new DeadLetter(record, e.reason().name(), e.getMessage()));
        } catch (RuntimeException e) {
            return new Read(
                    null,
                    new DeadLetter(
                            record,
                            INVALID_DATA.name(),
                            "could not be read: " + e.getClass().getSimpleName()));
        }
    }

    private static String moneyProblem(DomainEvent event) {
        if (event instanceof OrderPlaced placed) {
            return orderProblem(placed.currency(), placed.total(), placed.lines());
        }
        if (event instanceof OrderDrafted drafted) {
            return orderProblem(drafted.currency(), drafted.total(), drafted.lines());
        }
        if (event instanceof OrderRefunded refunded) {
            return amountProblem(refunded.currency(), "amount", refunded.amount());
        }
        return null;
    }

    private static String orderProblem(String currency, BigDecimal total, List<OrderLine> lines) {
        String problem = amountProblem(currency, "total", total);
        for (int i = 0; problem == null && i < lines.size(); i++) {
            problem = amountProblem(
                    currency, "lines[" + i + "].unitPrice", lines.get(i).unitPrice());
        }
        return problem;
    }

    private static String amountProblem(String currency, String field, BigDecimal amount) {
        if (!Money.isCurrency(currency)) {
            return "currency '" + currency + "' is not an ISO 4217 currency";
        }
        if (!Money.fits(amount, currency)) {
            return field + " must be non-negative with at most " + Money.minorDigits(currency) + " decimals in "
                    + currency + " and at most " + Money.MAX_INTEGER_DIGITS + " digits before the point";
        }
        return null;
    }
}
