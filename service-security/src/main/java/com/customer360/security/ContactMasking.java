package com.customer360.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Analysts see figures, not people: for a user whose only reading role is {@code analyst}, every email, phone and
 * address a response carries is masked — {@code a***@example.com}, {@code ***0001}, {@code ***} — keeping just enough to
 * tell records apart. Viewers and administrators see them whole.
 */
public final class ContactMasking {

    private static final String HIDDEN = "***";

    private final boolean masked;

    private ContactMasking(boolean masked) {
        this.masked = masked;
    }

    /** The masking of the user of the current request. */
    public static ContactMasking forCurrentUser() {
        return forUser(SecurityContextHolder.getContext().getAuthentication());
    }

    public static ContactMasking forUser(Authentication user) {
        if (user == null) {
            return new ContactMasking(true);
        }
        boolean sees = false;
        boolean analyst = false;
        for (GrantedAuthority authority : user.getAuthorities()) {
            String name = authority.getAuthority();
            sees |= name.equals(Roles.authority(Roles.VIEWER)) || name.equals(Roles.authority(Roles.ADMIN));
            analyst |= name.equals(Roles.authority(Roles.ANALYST));
        }
        return new ContactMasking(analyst && !sees);
    }

    /** Nothing masked: for code that serves only viewers and administrators. */
    public static ContactMasking none() {
        return new ContactMasking(false);
    }

    public boolean masks() {
        return masked;
    }

    /** {@code ada@example.com} → {@code a***@example.com}. */
    public String email(String email) {
        if (!masked || email == null) {
            return email;
        }
        int at = email.indexOf('@');
        return at <= 0 ? HIDDEN : email.charAt(0) + HIDDEN + email.substring(at);
    }

    /** {@code +44 20 7946 0001} → {@code ***01}: the last two digits. */
    public String phone(String phone) {
        if (!masked || phone == null) {
            return phone;
        }
        String digits = phone.replaceAll("\\D", "");
        return HIDDEN + (digits.length() > 2 ? digits.substring(digits.length() - 2) : "");
    }

    /** A free-text part of an address (a name, a street, a postal code): hidden. */
    public String addressPart(String part) {
        return !masked || part == null ? part : HIDDEN;
    }
}
