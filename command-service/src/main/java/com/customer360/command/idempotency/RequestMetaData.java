package com.customer360.command.idempotency;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.messaging.MetaData;

/**
 * The caller's request id, a fingerprint of what was asked and who sent it, as command and event metadata. The
 * fingerprint tells a retry (same id, same content) from a mistake (same id, other content); {@code sentBy} traces
 * every recorded fact to its sender: {@code http:<user>} for the command API, {@code kafka:<CloudEvents source>} for
 * the upstream topic.
 */
public record RequestMetaData(String requestId, String fingerprint, String sentBy) {

    public static final String REQUEST_ID = "requestId";
    public static final String FINGERPRINT = "requestFingerprint";
    public static final String SENT_BY = "sentBy";

    private static final RequestMetaData NONE = new RequestMetaData(null, null, null);

    public RequestMetaData(String requestId, String fingerprint) {
        this(requestId, fingerprint, null);
    }

    /** For callers that sent no request id: nothing to recognise a retry by. */
    public static RequestMetaData none() {
        return NONE;
    }

    /** A request without a request id, from a known sender. */
    public static RequestMetaData sentBy(String sender) {
        return new RequestMetaData(null, null, sender);
    }

    public MetaData asMetaData() {
        if (requestId == null && sentBy == null) {
            return MetaData.emptyInstance();
        }
        Map<String, Object> values = new HashMap<>();
        if (requestId != null) {
            values.put(REQUEST_ID, requestId);
            values.put(FINGERPRINT, fingerprint);
        }
        if (sentBy != null) {
            values.put(SENT_BY, sentBy);
        }
        return MetaData.from(values);
    }

    /**
     * A new id for something the caller did not name. A retried request must get the same id again, so with a
     * request id the new id is derived from it; without one it is random.
     */
    public String newId(String kind) {
        return requestId == null
                ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes((kind + "|" + requestId).getBytes(StandardCharsets.UTF_8))
                        .toString();
    }

    static RequestMetaData from(MetaData metaData) {
        Object id = metaData.get(REQUEST_ID);
        Object fingerprint = metaData.get(FINGERPRINT);
        Object sender = metaData.get(SENT_BY);
        return new RequestMetaData(
                id == null ? null : id.toString(),
                id == null || fingerprint == null ? null : fingerprint.toString(),
                sender == null ? null : sender.toString());
    }
}
