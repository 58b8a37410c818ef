package com.customer360.events;

/**
 * A postal address. {@code country} is an ISO 3166-1 alpha-2 code; {@code name}, {@code line2} and {@code region}
 * are optional.
 */
public record Address(
        String name, String line1, String line2, String city, String region, String postalCode, String country) {}
