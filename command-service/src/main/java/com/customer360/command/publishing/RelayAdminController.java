package com.customer360.command.publishing;

import com.customer360.command.CommandRejected;
import com.customer360.command.eventstore.StoredEvents;
import com.customer360.command.input.InvalidInput;
import com.customer360.events.Identifiers;
import com.customer360.security.Administers;
import com.customer360.security.audit.AuditTrail;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The relay's repair path for operators: publish stored events again, as the relay would, when a reader reports a gap
 * in an aggregate's sequence. A range is refused (422) when it holds more events than the configured bound; republish
 * it in smaller ranges.
 */
@RestController
@Administers
@RequestMapping(path = "/api/admin/relay", produces = MediaType.APPLICATION_JSON_VALUE)
class RelayAdminController {

    private static final Pattern STREAM = Pattern.compile("(customer|order):" + Identifiers.PATTERN);

    private final Republisher republisher;
    private final AuditTrail audit;

    RelayAdminController(Republisher republisher, AuditTrail audit) {
        this.republisher = republisher;
        this.audit = audit;
    }

    @PostMapping(path = "/republish", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> republish(@RequestBody RepublishRequest request) {
        if (request.aggregate() != null) {
            if (request.from() != null || request.to() != null) {
                throw InvalidInput.of("body", "must name either an aggregate or a time range, not both");
            }
            if (!STREAM.matcher(request.aggregate()).matches()) {
                throw InvalidInput.of(
                        "aggregate", "must be customer:<id> or order:<id>, where the id " + Identifiers.RULE);
            }
            int published = republisher.stream(request.aggregate());
            audit.record("relay.republish", request.aggregate(), Map.of("published", published));
            return Map.of("published", published);
        }
        if (request.from() == null && request.to() == null) {
            throw InvalidInput.of("body", "must name an aggregate or a time range (from and to)");
        }
        if (request.from() == null || request.to() == null) {
            throw InvalidInput.of(request.from() == null ? "from" : "to", "is required with a time range");
        }
        if (!request.from().isBefore(request.to())) {
            throw InvalidInput.of("to", "must be after from");
        }
        try {
            long published = republisher.range(request.from(), request.to());
            audit.record(
                    "relay.republish",
                    "range",
                    Map.of("from", request.from(), "to", request.to(), "published", published));
            return Map.of("published", published);
        } catch (StoredEvents.TooMany e) {
            throw CommandRejected.ruleBroken(
                    "to",
                    "the range holds more than " + republisher.maxEvents() + " events; republish it in smaller ranges");
        }
    }
}
