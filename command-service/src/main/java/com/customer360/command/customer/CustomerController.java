package com.customer360.command.customer;

import com.customer360.command.web.RequestIds;
import com.customer360.security.SendsCommands;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SendsCommands
@RequestMapping(path = "/api/customers", produces = MediaType.APPLICATION_JSON_VALUE)
class CustomerController {

    private final CustomerCommands customers;
    private final RequestIds requestIds;
    private final ObjectMapper json;

    CustomerController(CustomerCommands customers, RequestIds requestIds, ObjectMapper json) {
        this.customers = customers;
        this.requestIds = requestIds;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> register(
            @RequestBody RegisterCustomerRequest request,
            @RequestHeader(name = RequestIds.HEADER, required = false) String idempotencyKey) {
        String customerId = customers.register(request, requestIds.of(idempotencyKey, "POST /api/customers", request));
        return Map.of("customerId", customerId);
    }

    @PatchMapping(
            path = "/{customerId}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changeDetails(
            @PathVariable String customerId,
            @RequestBody JsonNode document,
            @RequestHeader(name = RequestIds.HEADER, required = false) String idempotencyKey)
            throws JsonProcessingException {
        CustomerDetailsPatch patch = CustomerDetailsPatch.from(document, json);
        customers.changeDetails(
                customerId, patch, requestIds.of(idempotencyKey, "PATCH /api/customers/" + customerId, document));
    }
}
