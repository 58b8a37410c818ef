package com.customer360.command.input;

import com.customer360.events.Address;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A postal address as callers send it. */
public record AddressInput(
        @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String line1,
        @Size(max = 200) String line2,
        @NotBlank @Size(max = 100) String city,
        @Size(max = 100) String region,
        @NotBlank @Size(max = 20) String postalCode,
        @NotNull @CountryCode String country) {

    public static Address toAddress(AddressInput input) {
        return input == null
                ? null
                : new Address(
                        input.name,
                        input.line1,
                        input.line2,
                        input.city,
                        input.region,
                        input.postalCode,
                        input.country);
    }
}
