package com.customer360.command.customer;

import com.customer360.command.input.AddressInput;
import com.customer360.command.input.Identifier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new customer; without a customerId one is generated. */
public record RegisterCustomerRequest(
        @Identifier String customerId,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 254) @Email(regexp = ContactRules.EMAIL, message = ContactRules.EMAIL_MESSAGE)
                String email,
        @Pattern(regexp = ContactRules.PHONE, message = ContactRules.PHONE_MESSAGE) String phone,
        @Valid AddressInput defaultShippingAddress) {}
