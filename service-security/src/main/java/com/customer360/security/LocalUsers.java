package com.customer360.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The local stack's users: one per role, named after it ({@code viewer}, {@code writer}, {@code analyst}, {@code
 * admin}), with random passwords, in a file only its owner can read. The services hash the passwords when they read
 * the file; nothing else holds them.
 */
public final class LocalUsers {

    /** Cheap enough for HTTP Basic on every request, as the passwords are random and long. */
    static final PasswordEncoder ENCODER = new LocalPasswords();

    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalUsers() {}

    /**
     * Writes the file with a new random password per role unless it exists.
     *
     * @return whether it was written now
     */
    public static boolean createIfMissing(Path file) {
        if (Files.exists(file)) {
            return false;
        }
        List<String> lines = new ArrayList<>();
        for (String role : Roles.ALL) {
            byte[] secret = new byte[18];
            RANDOM.nextBytes(secret);
            lines.add(role + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path written = Files.createFile(file);
            try {
                Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file stays in the user's own data directory.
            }
            Files.write(written, lines, StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the local users to " + file, e);
        }
    }

    /** The users and their passwords, as written; for the local stack to print examples and for tests. */
    public static Map<String, String> read(Path file) {
        Map<String, String> users = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int colon = line.indexOf(':');
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (colon < 1) {
                    throw new IllegalStateException(file + " has a line that is not user:password");
                }
                users.put(
                        line.substring(0, colon).trim(),
                        line.substring(colon + 1).trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the local users from " + file, e);
        }
        return users;
    }

    /** The {@code Authorization} header of HTTP Basic for one of the users in the file. */
    public static String basicAuthorization(Path file, String user) {
        String password = read(file).get(user);
        if (password == null) {
            throw new IllegalStateException(file + " has no user '" + user + "'");
        }
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The users for Spring Security: each with the role of its name, if the name is a role. */
    static List<UserDetails> details(Path file) {
        List<UserDetails> details = new ArrayList<>();
        read(file).forEach((name, password) -> {
            if (!Roles.ALL.contains(name)) {
                throw new IllegalStateException(file + " names a user '" + name + "' that is not one of " + Roles.ALL);
            }
            details.add(User.withUsername(name)
                    .password(ENCODER.encode(password))
                    .roles(name)
                    .build());
        });
        return details;
    }
}
