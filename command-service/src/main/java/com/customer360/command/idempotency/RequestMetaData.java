package com.customer360.command.idempotency;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.messaging.MetaData;

/**
 * The caller's request id and a fingerprint of what was asked, as command and event metadata. The fingerprint tells
 * a retry (same id, same content) from a mistake (same id, other content).
 */
public record RequestMetaData(String requestId, String fingerprint) {

    public static final String REQUEST_ID = "requestId";
    public static final String FINGERPRINT = "requestFingerprint";

    private static final RequestMetaData NONE = new RequestMetaData(null, null);

    /** For callers that sent no request id: nothing to recognise a retry by. */
    public static RequestMetaData none() {
        return NONE;
    }

    public MetaData asMetaData() {
        if (requestId == null) {
            return MetaData.emptyInstance();
        }
        Map<String, Object> values = new HashMap<>();
        values.put(REQUEST_ID, requestId);
        values.put(FINGERPRINT, fingerprint);
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
        return id == null
                ? NONE
                : new RequestMetaData(id.toString(), fingerprint == null ? null : fingerprint.toString());
    }
}
