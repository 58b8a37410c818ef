package com.customer360.query.deadletters;

import com.customer360.events.Identifiers;
import com.customer360.security.Administers;
import com.customer360.security.audit.AuditTrail;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' door to dead letters: list them, re-drive held customers once the cause is fixed, and delete one
 * that can never be read. See {@code docs/dead-letters.md} for when to use which.
 */
@RestController
@Administers
@RequestMapping("/api/admin/dead-letters")
class DeadLetterAdminController {

    private static final String ID_RULE = "must be <topic>-<partition>-<offset>";

    private final StoredDeadLetters deadLetters;
    private final DeadLetterRedrive redrive;
    private final AuditTrail audit;

    DeadLetterAdminController(StoredDeadLetters deadLetters, DeadLetterRedrive redrive, AuditTrail audit) {
        this.deadLetters = deadLetters;
        this.redrive = redrive;
        this.audit = audit;
    }

    @GetMapping
    DeadLetterPage list(
            @RequestParam(name = "customerId", required = false)
                    @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.RULE)
                    String customerId,
            @RequestParam(name = "page", defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int page,
            @RequestParam(name = "size", defaultValue = "20")
                    @Min(value = 1, message = "must be between 1 and 100")
                    @Max(value = 100, message = "must be between 1 and 100")
                    int size) {
        return deadLetters.page(customerId, page, size);
    }

    /** Every held customer, or only {@code customerId}, which must be held. */
    @PostMapping("/redrive")
    RedriveReport redrive(
            @RequestParam(name = "customerId", required = false)
                    @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.RULE)
                    String customerId) {
        RedriveReport report = customerId == null ? redrive.redriveAll() : redrive.redrive(customerId);
        audit.record(
                "dead-letters.redrive",
                customerId == null ? "all" : customerId,
                Map.of(
                        "applied", report.applied(),
                        "stillDeadLettered", report.stillDeadLettered(),
                        "customersReleased", report.customersReleased()));
        return report;
    }

    @DeleteMapping("/{id}")
    DeletedDeadLetter delete(
            @PathVariable("id") @Pattern(regexp = DeadLetter.ID_PATTERN, message = ID_RULE) String id,
            @RequestParam(name = "reason", required = false)
                    @NotBlank(message = "is required: say why this event may be dropped for good")
                    @Size(max = 500, message = "must be at most 500 characters")
                    String reason) {
        DeletedDeadLetter deleted = redrive.delete(id, reason);
        audit.record("dead-letters.delete", id, Map.of("reason", reason));
        return deleted;
    }
}
