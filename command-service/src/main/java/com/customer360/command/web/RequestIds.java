package com.customer360.command.web;

import com.customer360.command.idempotency.Fingerprint;
import com.customer360.command.idempotency.RequestMetaData;
import com.customer360.command.input.InputCheck;
import com.customer360.command.input.InvalidInput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Turns the optional {@code Idempotency-Key} header into request metadata: a request retried with the same key and
 * content is carried out once; the same key with other content is refused. Keys belong to the client that sent them:
 * two upstream systems may use the same key without meeting. The metadata also names the sender, so every fact the
 * service records says who sent it.
 */
@Component
public class RequestIds {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private final ObjectMapper json;
    private final InputCheck check;

    RequestIds(ObjectMapper json, InputCheck check) {
        this.json = json;
        this.check = check;
    }

    /** The request is checked before it is fingerprinted: fingerprinting reads every value, however absurd. */
    public RequestMetaData of(String idempotencyKey, String operation, Object request) {
        String sender = sender();
        if (idempotencyKey == null) {
            return RequestMetaData.sentBy("http:" + sender);
        }
        if (!KEY.matcher(idempotencyKey).matches()) {
            throw InvalidInput.of(HEADER, "must be 1-128 visible ASCII characters");
        }
        if (request != null && !(request instanceof JsonNode)) {
            check.valid(request);
        }
        return new RequestMetaData(
                "http:" + sender + "/" + idempotencyKey, Fingerprint.of(json, operation, request), "http:" + sender);
    }

    private static String sender() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user == null || !user.isAuthenticated() ? "anonymous" : user.getName();
    }
}
