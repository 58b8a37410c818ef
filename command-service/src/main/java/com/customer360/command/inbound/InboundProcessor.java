package com.customer360.command.inbound;

import com.customer360.command.CommandRejected;
import com.customer360.command.input.InvalidInput;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.mongodb.MongoException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaException;
import org.axonframework.common.AxonTransientException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Decides what becomes of one message: carried out, waiting for a fact that has not arrived yet, or dead-lettered
 * with its reason. Failures of the infrastructure are thrown, never turned into dead letters: the message is valid
 * and must be tried again once MongoDB or Kafka answer.
 */
final class InboundProcessor {

    private static final Logger log = LoggerFactory.getLogger(InboundProcessor.class);

    private final UpstreamMessageReader reader;
    private final UpstreamCommands commands;

    InboundProcessor(UpstreamMessageReader reader, UpstreamCommands commands) {
        this.reader = reader;
        this.commands = commands;
    }

    UpstreamMessage read(InboundRecord record) throws UnacceptableMessage {
        return reader.read(record);
    }

    Outcome carryOut(UpstreamMessage message, InboundRecord record) {
        try {
            commands.carryOut(message);
            return Outcome.CARRIED_OUT;
        } catch (CommandRejected e) {
            return rejected(e);
        } catch (InvalidInput e) {
            return Outcome.deadLettered(InboundReason.INVALID_INPUT, e.getMessage());
        } catch (JsonProcessingException e) {
            return Outcome.deadLettered(
                    InboundReason.INVALID_INPUT, "the data does not fit the request: " + e.getOriginalMessage());
        } catch (RuntimeException e) {
            if (isInfrastructure(e)) {
                throw e;
            }
            // Unexpected, so perhaps passing: the message waits and is tried again; only if it keeps failing until
            // its time is up is it dead-lettered.
            // Type and place only: an exception's message may quote the message's content.
            log.error(
                    "Message {} of type {} could not be processed: {} at {}",
                    record.coordinates(),
                    message.type(),
                    e.getClass().getName(),
                    e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
            return Outcome.waiting(
                    InboundReason.PROCESSING_FAILED,
                    "processing failed unexpectedly (" + e.getClass().getName() + ")");
        }
    }

    /**
     * A message that names a customer or order we do not know yet, asks for a status change an earlier fact may still
     * enable, or lost a race on its record, waits; every other rejection is final.
     */
    static Outcome rejected(CommandRejected e) {
        return switch (e.kind()) {
            case UNKNOWN_CUSTOMER, ORDER_FOR_UNKNOWN_CUSTOMER ->
                Outcome.waiting(InboundReason.UNKNOWN_CUSTOMER, e.getMessage());
            case UNKNOWN_ORDER -> Outcome.waiting(InboundReason.UNKNOWN_ORDER, e.getMessage());
            case NOT_YET_ALLOWED -> Outcome.waiting(InboundReason.RULE_BROKEN, e.getMessage());
            case CONCURRENT_CHANGE -> Outcome.waiting(InboundReason.CONFLICT, e.getMessage());
            case RULE_BROKEN -> Outcome.deadLettered(InboundReason.RULE_BROKEN, e.getMessage());
            case CONFLICT -> Outcome.deadLettered(InboundReason.CONFLICT, e.getMessage());
            case INVALID -> Outcome.deadLettered(InboundReason.INVALID_INPUT, e.getMessage());
        };
    }

    /** MongoDB or Kafka unreachable, or this instance shutting down: nothing the message can be blamed for. */
    static boolean isInfrastructure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedException
                    || cause instanceof MongoException
                    || cause instanceof DataAccessException
                    || cause instanceof KafkaException
                    || cause instanceof EventStoreException
                    || cause instanceof AxonTransientException
                    || cause instanceof IOException
                    || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
