package com.customer360.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

class RolesFromClaimsTest {

    @Test
    void shouldReadTheRolesOfAListClaim() {
        assertThat(names(new RolesFromClaims("roles").authorities(Map.of("roles", List.of("viewer", "admin")))))
                .containsExactlyInAnyOrder("ROLE_viewer", "ROLE_admin");
    }

    @Test
    void shouldReadANestedClaimAsKeycloakWritesIt() {
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles", List.of("analyst", "offline_access")));

        assertThat(names(new RolesFromClaims("realm_access.roles").authorities(claims)))
                .containsExactly("ROLE_analyst");
    }

    @Test
    void shouldReadASpaceSeparatedClaim() {
        assertThat(names(new RolesFromClaims("scope").authorities(Map.of("scope", "openid writer"))))
                .containsExactly("ROLE_writer");
    }

    @Test
    void cannotGrantARoleThatIsNotOneOfTheFour() {
        assertThat(new RolesFromClaims("roles").authorities(Map.of("roles", List.of("superuser", "ROLE_admin"))))
                .isEmpty();
        assertThat(new RolesFromClaims("roles").authorities(Map.of())).isEmpty();
    }

    private static List<String> names(java.util.Collection<GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).toList();
    }
}
