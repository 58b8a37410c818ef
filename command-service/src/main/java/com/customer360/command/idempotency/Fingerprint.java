package com.customer360.command.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A short, stable digest of what a request asked for, independent of JSON whitespace and field order. */
public final class Fingerprint {

    private Fingerprint() {}

    public static String of(ObjectMapper json, String operation, Object request) {
        try {
            byte[] content = json.writeValueAsBytes(json.valueToTree(request));
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(content);
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint request", e);
        }
    }
}
