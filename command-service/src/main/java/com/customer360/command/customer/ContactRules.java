package com.customer360.command.customer;

/** Formats of contact details, shared by registration and change. */
final class ContactRules {

    static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    static final String EMAIL_MESSAGE = "must be an email address such as name@example.com";
    static final String PHONE = "\\+?[0-9][0-9 ()./-]{2,31}";
    static final String PHONE_MESSAGE = "must be a phone number of 3-32 digits, spaces and ( ) . / -";

    private ContactRules() {}
}
