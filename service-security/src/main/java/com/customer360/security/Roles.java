package com.customer360.security;

import java.util.List;

/**
 * The four roles, by the names identity providers and the local users file use: they are part of the API.
 *
 * <ul>
 *   <li>{@value #VIEWER}: the pages and the query API, contact data included;
 *   <li>{@value #WRITER}: the command API — upstream systems;
 *   <li>{@value #ANALYST}: figures, the list, exports, timelines, views and rebuilds, with email, phone and addresses
 *       masked;
 *   <li>{@value #ADMIN}: everything, dead letters, re-drives and deletes included.
 * </ul>
 */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String WRITER = "writer";
    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(VIEWER, WRITER, ANALYST, ADMIN);

    private Roles() {}

    /** The Spring Security authority of a role. */
    public static String authority(String role) {
        return "ROLE_" + role;
    }
}
