package com.customer360.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.ErrorResponseException;

class ConcurrencyLimitsTest {

    private final ConcurrencyLimits exports = new ConcurrencyLimits(1, "exports");

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void shouldRefuseASecondExportOfOneUserUntilTheFirstEnds() {
        signIn("analyst");
        ConcurrencyLimits.Permit first = exports.acquire();

        assertThatThrownBy(exports::acquire)
                .isInstanceOf(ErrorResponseException.class)
                .satisfies(e -> assertThat(
                                ((ErrorResponseException) e).getStatusCode().value())
                        .isEqualTo(429));
        signIn("admin");
        exports.acquire().close();

        signIn("analyst");
        first.close();
        first.close(); // given back once, however often closed
        ConcurrencyLimits.Permit again = exports.acquire();
        assertThatThrownBy(exports::acquire).isInstanceOf(ErrorResponseException.class);
        again.close();
    }

    private static void signIn(String user) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(user, "x", "ROLE_" + user));
    }
}
