package com.customer360.query.customer;

import com.customer360.events.Money;
import com.customer360.query.store.ReadVersions;
import com.customer360.query.web.InvalidParameterException;
import com.customer360.security.ConcurrencyLimits;
import com.customer360.security.ContactMasking;
import com.customer360.security.ReadsCustomers;
import com.customer360.security.audit.AuditTrail;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The customer list for the list page and dashboards: search, sort, filters, pages, and the whole filtered list as
 * CSV. Every parameter is checked and a wrong one named in a 400 problem.
 */
@RestController
@ReadsCustomers
@RequestMapping("/api/customers")
class CustomerListController {

    static final String SORT_RULE = "must be name, lifetimeValue, averageOrderValue, orderCount or lastOrderAt, "
            + "optionally followed by ,asc or ,desc";

    private static final String[] CSV_HEADER = {
        "customerId",
        "name",
        "email",
        "phone",
        "currency",
        "orderCount",
        "lifetimeValue",
        "averageOrderValue",
        "lastOrderAt",
        "stuckInTransit",
        "hasDraft"
    };

    private final CustomerList list;
    private final ReadVersions versions;
    private final AuditTrail audit;
    private final long maxExportRows;
    private final ConcurrencyLimits exports;

    CustomerListController(
            CustomerList list,
            ReadVersions versions,
            AuditTrail audit,
            @Value("${customer360.export.max-rows:1000000}") long maxExportRows,
            @Value("${customer360.export.max-per-user:2}") int maxExportsPerUser) {
        this.list = list;
        this.versions = versions;
        this.audit = audit;
        this.maxExportRows = maxExportRows;
        this.exports = new ConcurrencyLimits(maxExportsPerUser, "exports");
    }

    @GetMapping
    CustomerListPage customers(
            @RequestParam(name = "q", required = false) @Size(max = 100, message = "must be at most 100 characters")
                    String q,
            @RequestParam(name = "sort", defaultValue = "name,asc") String sort,
            @RequestParam(name = "page", defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int page,
            @RequestParam(name = "size", defaultValue = "20")
                    @Min(value = 1, message = "must be between 1 and 100")
                    @Max(value = 100, message = "must be between 1 and 100")
                    int size,
            @RequestParam(name = "stuckInTransit", required = false) Boolean stuckInTransit,
            @RequestParam(name = "hasDraft", required = false) Boolean hasDraft,
            @RequestParam(name = "minLifetimeValue", required = false) String minLifetimeValue,
            @RequestParam(name = "currency", required = false) String currency,
            @RequestParam(name = "lastOrderBefore", required = false) String lastOrderBefore,
            @RequestParam(name = "lastOrderAfter", required = false) String lastOrderAfter) {
        return list.page(
                query(q, sort, stuckInTransit, hasDraft, minLifetimeValue, currency, lastOrderBefore, lastOrderAfter),
                page,
                size,
                ContactMasking.forCurrentUser());
    }

    /** The whole filtered list, in the list's order, streamed as CSV (RFC 4180), one row per customer. */
    @GetMapping(value = "/export.csv", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(name = "q", required = false) @Size(max = 100, message = "must be at most 100 characters")
                    String q,
            @RequestParam(name = "sort", defaultValue = "name,asc") String sort,
            @RequestParam(name = "stuckInTransit", required = false) Boolean stuckInTransit,
            @RequestParam(name = "hasDraft", required = false) Boolean hasDraft,
            @RequestParam(name = "minLifetimeValue", required = false) String minLifetimeValue,
            @RequestParam(name = "currency", required = false) String currency,
            @RequestParam(name = "lastOrderBefore", required = false) String lastOrderBefore,
            @RequestParam(name = "lastOrderAfter", required = false) String lastOrderAfter) {
        CustomerListQuery query =
                query(q, sort, stuckInTransit, hasDraft, minLifetimeValue, currency, lastOrderBefore, lastOrderAfter);
        ContactMasking masking = ContactMasking.forCurrentUser();
        int version = versions.current();
        // What was exported, by whom; whether it searched, never what for (a search may be an email address).
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("search", q != null && !q.isBlank());
        facts.put("sort", sort);
        facts.put("stuckInTransit", stuckInTransit);
        facts.put("hasDraft", hasDraft);
        facts.put("minLifetimeValue", minLifetimeValue);
        facts.put("currency", currency);
        facts.put("lastOrderBefore", lastOrderBefore);
        facts.put("lastOrderAfter", lastOrderAfter);
        facts.put("masked", masking.masks());
        facts.put("view", version);
        facts.values().removeIf(java.util.Objects::isNull);
        audit.record("customers.export", "customers", facts);
        ConcurrencyLimits.Permit permit = exports.acquire();
        StreamingResponseBody body = out -> {
            try (permit) {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                try (CSVPrinter csv =
                        CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get().print(writer)) {
                    list.each(query, version, maxExportRows, masking, item -> print(csv, item));
                }
            }
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"customers.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }

    private static void print(CSVPrinter csv, CustomerListPage.Item item) {
        try {
            csv.printRecord(
                    item.customerId(),
                    item.name(),
                    item.email(),
                    item.phone(),
                    item.currency(),
                    item.orderCount(),
                    item.lifetimeValue(),
                    item.averageOrderValue(),
                    item.lastOrderAt(),
                    item.stuckInTransit(),
                    item.hasDraft());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CustomerListQuery query(
            String q,
            String sort,
            Boolean stuckInTransit,
            Boolean hasDraft,
            String minLifetimeValue,
            String currency,
            String lastOrderBefore,
            String lastOrderAfter) {
        String[] parts = sort.split(",", -1);
        String direction = parts.length > 1 ? parts[1].trim().toLowerCase(Locale.ROOT) : "asc";
        if (parts.length > 2
                || !CustomerDetailsDocuments.SORT_FIELDS.containsKey(parts[0].trim())
                || !(direction.equals("asc") || direction.equals("desc"))) {
            throw new InvalidParameterException("sort", SORT_RULE);
        }
        if (currency != null && !Money.isCurrency(currency)) {
            throw new InvalidParameterException("currency", "must be an ISO 4217 currency code such as EUR");
        }
        return new CustomerListQuery(
                q,
                parts[0].trim(),
                direction.equals("desc"),
                stuckInTransit,
                hasDraft,
                amount(minLifetimeValue),
                currency,
                time("lastOrderBefore", lastOrderBefore),
                time("lastOrderAfter", lastOrderAfter));
    }

    private static BigDecimal amount(String value) {
        if (value == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value);
            if (amount.signum() < 0 || Money.integerDigits(amount) > Money.MAX_INTEGER_DIGITS || amount.scale() > 3) {
                throw new NumberFormatException();
            }
            return amount;
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(
                    "minLifetimeValue",
                    "must be a non-negative amount such as 100.00 (at most 15 digits before the point)");
        }
    }

    private static Instant time(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(field, "must be an RFC 3339 time such as 2026-06-30T00:00:00Z");
        }
    }
}
