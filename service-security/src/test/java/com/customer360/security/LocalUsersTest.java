package com.customer360.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalUsersTest {

    @TempDir
    Path directory;

    @Test
    void shouldWriteOneUserPerRoleWithRandomPasswordsReadableOnlyByTheOwner() throws Exception {
        Path file = directory.resolve("local-users.txt");

        assertThat(LocalUsers.createIfMissing(file)).isTrue();

        Map<String, String> users = LocalUsers.read(file);
        assertThat(users).containsOnlyKeys("viewer", "writer", "analyst", "admin");
        assertThat(users.values()).doesNotHaveDuplicates().allSatisfy(password -> assertThat(password)
                .hasSizeGreaterThan(20));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void shouldKeepTheUsersOfAnEarlierStart() {
        Path file = directory.resolve("local-users.txt");
        LocalUsers.createIfMissing(file);
        Map<String, String> first = LocalUsers.read(file);

        assertThat(LocalUsers.createIfMissing(file)).isFalse();
        assertThat(LocalUsers.read(file)).isEqualTo(first);
    }

    @Test
    void shouldGiveEachUserTheRoleOfItsName() {
        Path file = directory.resolve("local-users.txt");
        LocalUsers.createIfMissing(file);

        assertThat(LocalUsers.details(file)).allSatisfy(user -> assertThat(user.getAuthorities())
                .extracting(Object::toString)
                .containsExactly("ROLE_" + user.getUsername()));
    }

    @Test
    void shouldAcceptEachUsersOwnPasswordOnly() {
        Path file = directory.resolve("local-users.txt");
        LocalUsers.createIfMissing(file);
        Map<String, String> passwords = LocalUsers.read(file);

        assertThat(LocalUsers.details(file)).allSatisfy(user -> {
            assertThat(user.getPassword()).doesNotContain(passwords.get(user.getUsername()));
            assertThat(LocalUsers.ENCODER.matches(passwords.get(user.getUsername()), user.getPassword()))
                    .isTrue();
            assertThat(LocalUsers.ENCODER.matches(passwords.get(user.getUsername()) + "x", user.getPassword()))
                    .isFalse();
            assertThat(LocalUsers.ENCODER.matches("", user.getPassword())).isFalse();
        });
        assertThat(LocalUsers.ENCODER.matches("secret", "not-a-digest")).isFalse();
        assertThat(LocalUsers.ENCODER.matches("secret", "sha256:zz")).isFalse();
    }

    @Test
    void cannotReadAUserThatIsNotARole() throws Exception {
        Path file = Files.writeString(directory.resolve("users.txt"), "root:secret\n");

        assertThatThrownBy(() -> LocalUsers.details(file)).hasMessageContaining("root");
    }
}
