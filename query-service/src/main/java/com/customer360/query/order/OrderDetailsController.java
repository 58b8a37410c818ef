package com.customer360.query.order;

import com.customer360.events.Identifiers;
import com.customer360.query.web.NotFoundException;
import com.customer360.security.ContactMasking;
import com.customer360.security.ReadsCustomers;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.Pattern;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The order details view's API. */
@RestController
@ReadsCustomers
class OrderDetailsController {

    private final OrderDetailsLookup orders;
    private final StuckInTransit stuck;
    private final ObjectMapper json;

    OrderDetailsController(OrderDetailsLookup orders, StuckInTransit stuck, ObjectMapper json) {
        this.orders = orders;
        this.stuck = stuck;
        this.json = json;
    }

    /** The order as a file: a PDF order sheet, a CSV of its lines with the order's fields, or its JSON. */
    @GetMapping("/api/orders/{orderId}/download")
    ResponseEntity<byte[]> download(
            @PathVariable("orderId") @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.RULE) String orderId,
            @RequestParam(name = "format", defaultValue = "pdf") DownloadFormat format) {
        OrderDetailsView order = order(orderId);
        byte[] body =
                switch (format) {
                    case pdf -> OrderFiles.pdf(order);
                    case csv -> OrderFiles.csv(order).getBytes(StandardCharsets.UTF_8);
                    case json -> json(order);
                };
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("order-" + orderId + "." + format.name())
                                .build()
                                .toString())
                .contentType(format.mediaType)
                .body(body);
    }

    /** The formats an order downloads in. */
    enum DownloadFormat {
        pdf(MediaType.APPLICATION_PDF),
        csv(new MediaType("text", "csv", StandardCharsets.UTF_8)),
        json(MediaType.APPLICATION_JSON);

        final MediaType mediaType;

        DownloadFormat(MediaType mediaType) {
            this.mediaType = mediaType;
        }
    }

    private byte[] json(OrderDetailsView order) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(order);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the order could not be written as JSON", e);
        }
    }

    @GetMapping("/api/orders/{orderId}")
    OrderDetailsView order(
            @PathVariable("orderId") @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.RULE)
                    String orderId) {
        return orders.order(orderId)
                .map(order -> OrderDetailsView.of(order, stuck, ContactMasking.forCurrentUser()))
                .orElseThrow(() -> new NotFoundException("order", orderId));
    }
}
