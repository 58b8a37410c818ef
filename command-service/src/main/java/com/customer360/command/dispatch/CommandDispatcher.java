package com.customer360.command.dispatch;

import com.customer360.command.CommandRejected;
import com.customer360.command.eventstore.AggregateStreams;
import com.customer360.command.idempotency.RequestMetaData;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * The one way commands reach the aggregates. Two commands on one aggregate that race (on this instance or another)
 * both read the same state, but only one can append the next sequence number — the event store's unique index sees
 * to that. The loser is run again against the new state, where the rules decide afresh: two refunds that together
 * exceed the order total never both win.
 */
@Component
public class CommandDispatcher {

    private static final int ATTEMPTS = 5;

    private final CommandGateway gateway;

    CommandDispatcher(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public void send(Object command, RequestMetaData request) {
        CommandMessage<Object> message =
                GenericCommandMessage.asCommandMessage(command).andMetaData(request.asMetaData());
        for (int attempt = 1; ; attempt++) {
            try {
                gateway.sendAndWait(message);
                return;
            } catch (ConcurrencyException | AggregateStreamCreationException lostRace) {
                if (attempt == ATTEMPTS) {
                    throw CommandRejected.concurrentChange("the same record is being changed concurrently; try again");
                }
            } catch (AggregateNotFoundException e) {
                String streamId = String.valueOf(e.getAggregateIdentifier());
                String id = AggregateStreams.idOf(streamId);
                throw AggregateStreams.isOrder(streamId)
                        ? CommandRejected.unknownOrder(id)
                        : CommandRejected.unknownCustomer(id);
            }
        }
    }
}
