package com.customer360.security.audit;

import com.customer360.security.Administers;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for administrators, newest first, a page at a time. */
@RestController
@Administers
class AuditController {

    /** A page of the trail and the cursor of the next one ({@code null} on the last). */
    record AuditPage(List<AuditEntry> items, String nextBefore) {}

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/admin/audit")
    AuditPage audit(
            @RequestParam(name = "action", required = false)
                    @Pattern(regexp = "[a-z.-]{1,64}", message = "must be an action name such as dead-letters.delete")
                    String action,
            @RequestParam(name = "actor", required = false)
                    @Pattern(regexp = "[\\w.@-]{1,200}", message = "must be a user name")
                    String actor,
            @RequestParam(name = "before", required = false)
                    @Pattern(regexp = "[0-9a-f]{24}", message = "must be the nextBefore of the previous page")
                    String before,
            @RequestParam(name = "size", defaultValue = "50")
                    @Min(value = 1, message = "must be at least 1")
                    @Max(value = 500, message = "must be at most 500")
                    int size) {
        List<AuditEntry> items = trail.newest(action, actor, before, size);
        return new AuditPage(
                items, items.size() < size ? null : items.get(items.size() - 1).id());
    }
}
