package com.customer360.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The roles an identity provider puts in a token's claims: the claim named by {@code customer360.security.roles-claim}
 * (a path with dots for nested claims, such as Keycloak's {@code realm_access.roles}), holding a list of role names or
 * one space-separated string. Names that are not one of the four roles are ignored.
 */
final class RolesFromClaims {

    private final String[] path;

    RolesFromClaims(String claim) {
        this.path = claim.split("\\.");
    }

    Collection<GrantedAuthority> authorities(Map<String, Object> claims) {
        Object value = claims;
        for (String step : path) {
            if (!(value instanceof Map<?, ?> map)) {
                return List.of();
            }
            value = map.get(step);
        }
        List<String> names = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(item -> names.add(String.valueOf(item)));
        } else if (value instanceof String text) {
            names.addAll(List.of(text.trim().split("\\s+")));
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String name : names) {
            if (Roles.ALL.contains(name)) {
                authorities.add(new SimpleGrantedAuthority(Roles.authority(name)));
            }
        }
        return authorities;
    }
}
