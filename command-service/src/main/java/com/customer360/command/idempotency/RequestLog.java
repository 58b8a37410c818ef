package com.customer360.command.idempotency;

import com.customer360.command.CommandRejected;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;

/**
 * The request ids an aggregate has already acted on, rebuilt from its own events. Declared as an
 * {@code @AggregateMember} it sees every event the aggregate applies, so no aggregate has to record ids itself.
 */
public class RequestLog {

    private final Map<String, String> fingerprints = new HashMap<>();

    /**
     * Whether the request in this command's metadata was carried out before; a command that was must do nothing.
     *
     * @throws CommandRejected (conflict) when the same request id came with different content
     */
    public boolean alreadyHandled(MetaData commandMetaData) {
        RequestMetaData request = RequestMetaData.from(commandMetaData);
        if (request.requestId() == null || !fingerprints.containsKey(request.requestId())) {
            return false;
        }
        if (!Objects.equals(fingerprints.get(request.requestId()), request.fingerprint())) {
            throw CommandRejected.conflict(
                    "requestId", "request id '" + request.requestId() + "' was already used for a different request");
        }
        return true;
    }

    @EventSourcingHandler
    void on(Object event, MetaData metaData) {
        RequestMetaData request = RequestMetaData.from(metaData);
        if (request.requestId() != null) {
            fingerprints.put(request.requestId(), request.fingerprint());
        }
    }
}
