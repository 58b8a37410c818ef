package com.customer360.command.customer;

import com.customer360.command.input.AddressInput;
import com.customer360.command.input.InvalidInput;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.Set;

/**
 * A JSON merge patch (RFC 7396) of a customer's contact details: a field left out stays as it is, a field set to
 * {@code null} is cleared (only phone and default address may be), any other value replaces the old one.
 */
public record CustomerDetailsPatch(
        @Size(min = 1, max = 200) String name,
        @Size(max = 254) @Email(regexp = ContactRules.EMAIL, message = ContactRules.EMAIL_MESSAGE) String email,
        @Pattern(regexp = ContactRules.PHONE, message = ContactRules.PHONE_MESSAGE) String phone,
        @Valid AddressInput defaultShippingAddress,
        Set<String> present) {

    private record Fields(String name, String email, String phone, AddressInput defaultShippingAddress) {}

    /**
     * Reads a patch document.
     *
     * @throws JsonProcessingException when a field has the wrong type or is unknown
     */
    public static CustomerDetailsPatch from(JsonNode document, ObjectMapper json) throws JsonProcessingException {
        if (document == null || !document.isObject()) {
            throw InvalidInput.of("body", "a JSON object is required");
        }
        Fields fields = json.treeToValue(document, Fields.class);
        Set<String> present = new HashSet<>();
        document.fieldNames().forEachRemaining(present::add);
        for (String required : new String[] {"name", "email"}) {
            JsonNode value = document.get(required);
            if (value != null && (value.isNull() || value.asText().isBlank())) {
                throw InvalidInput.of(required, "must not be blank or null");
            }
        }
        return new CustomerDetailsPatch(
                fields.name(), fields.email(), fields.phone(), fields.defaultShippingAddress(), Set.copyOf(present));
    }

    boolean changes(String field) {
        return present.contains(field);
    }
}
