package com.customer360.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How the local users' passwords are checked: a SHA-256 digest compared in constant time. A slow hash (BCrypt) defends
 * weak passwords whose hashes leak; these are random 144-bit secrets, and their file holds them in plain text for the
 * owner anyway, so a slow hash would only cost time — it made every HTTP Basic request tens of milliseconds slower.
 * Passwords from an identity provider never reach this class.
 */
final class LocalPasswords implements PasswordEncoder {

    private static final String PREFIX = "sha256:";

    @Override
    public String encode(CharSequence raw) {
        return PREFIX + HexFormat.of().formatHex(digest(raw));
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        if (raw == null || encoded == null || !encoded.startsWith(PREFIX)) {
            return false;
        }
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(encoded.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(digest(raw), expected);
    }

    private static byte[] digest(CharSequence raw) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(raw.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
