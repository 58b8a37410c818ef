package com.customer360.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;

class ContactMaskingTest {

    private final ContactMasking analyst =
            ContactMasking.forUser(new TestingAuthenticationToken("a", "p", "ROLE_analyst"));

    @Test
    void shouldMaskContactDataForAnAnalyst() {
        assertThat(analyst.email("ada.lovelace@example.com")).isEqualTo("a***@example.com");
        assertThat(analyst.phone("+44 20 7946 0001")).isEqualTo("***01");
        assertThat(analyst.addressPart("1 Main St")).isEqualTo("***");
        assertThat(analyst.masks()).isTrue();
    }

    @Test
    void shouldShowContactDataToViewersAndAdministrators() {
        for (String role : new String[] {"ROLE_viewer", "ROLE_admin"}) {
            ContactMasking masking =
                    ContactMasking.forUser(new TestingAuthenticationToken("u", "p", role, "ROLE_analyst"));
            assertThat(masking.email("ada@example.com")).isEqualTo("ada@example.com");
            assertThat(masking.phone("+44 1")).isEqualTo("+44 1");
        }
    }

    @Test
    void shouldMaskForSomeoneWithoutAReadingRole() {
        assertThat(ContactMasking.forUser(null).email("ada@example.com")).isEqualTo("a***@example.com");
    }
}
