package com.customer360.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The local users tests sign in with, one per role and named after it, each with the password {@code <role>-secret},
 * in a users file written once per test JVM — the same kind of file the local stack writes with random passwords.
 */
public final class TestUsers {

    public static final List<String> ROLES = List.of("viewer", "writer", "analyst", "admin");

    private static Path file;

    private TestUsers() {}

    /** The users file, for {@code customer360.security.local-users-file}. */
    public static synchronized Path file() {
        if (file == null) {
            try {
                Path directory = Files.createTempDirectory("c360-test-users-");
                StringBuilder lines = new StringBuilder();
                ROLES.forEach(role ->
                        lines.append(role).append(':').append(password(role)).append('\n'));
                file = Files.writeString(directory.resolve("local-users.txt"), lines, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }

    public static String password(String role) {
        return role + "-secret";
    }

    /** A client signed in with a role. */
    public static TestHttp as(TestHttp http, String role) {
        return http.as(role, password(role));
    }
}
