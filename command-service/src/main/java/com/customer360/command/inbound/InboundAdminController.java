package com.customer360.command.inbound;

import com.customer360.security.Administers;
import com.customer360.security.audit.AuditTrail;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators' view of the inbound topic: what is waiting, and re-driving dead letters after a fix. */
@RestController
@Administers
@RequestMapping(path = "/api/admin/inbound", produces = MediaType.APPLICATION_JSON_VALUE)
class InboundAdminController {

    private final InboundIntake intake;
    private final DeadLetterRedrive redrive;
    private final WaitingRetries retries;
    private final AuditTrail audit;

    InboundAdminController(InboundIntake intake, DeadLetterRedrive redrive, WaitingRetries retries, AuditTrail audit) {
        this.intake = intake;
        this.redrive = redrive;
        this.retries = retries;
        this.audit = audit;
    }

    @GetMapping("/waiting")
    Map<String, Object> waiting() {
        return Map.of("waiting", intake.waitingCount());
    }

    @PostMapping("/dead-letters/redrive")
    Map<String, Object> redrive() {
        int redriven = redrive.redrive();
        retries.soon();
        audit.record("inbound.dead-letters.redrive", "all", Map.of("redriven", redriven));
        return Map.of("redriven", redriven);
    }
}
