package com.customer360.query.views;

import com.customer360.query.store.ReadVersions;
import com.customer360.security.audit.AuditTrail;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What analysts do with views — start a rebuild, switch to it, roll back, cancel — and what a rebuild does by itself
 * when it catches up. Each is recorded in the audit trail with ids and counts.
 */
@Component
class ViewOperations {

    private static final Logger log = LoggerFactory.getLogger(ViewOperations.class);

    private final Rebuilds rebuilds;
    private final ViewRegistry registry;
    private final ViewLeases leases;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final DiffComputations diffs;

    ViewOperations(
            Rebuilds rebuilds,
            ViewRegistry registry,
            ViewLeases leases,
            AuditTrail audit,
            Clock clock,
            ApplicationEventPublisher events,
            DiffComputations diffs) {
        this.rebuilds = rebuilds;
        this.registry = registry;
        this.leases = leases;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.diffs = diffs;
    }

    /** A rebuild was started here: this instance's supervisor looks at once instead of within a second. */
    record Started(String rebuildId) {}

    /** Starts a rebuild into a new version; 409 while another rebuild of the view runs, on any instance. */
    Rebuild start(String view, Instant asOf, Rebuild.SwitchMode switchMode) {
        String rebuildId = "rb-" + UUID.randomUUID().toString().substring(0, 13);
        if (!leases.claimView(view, rebuildId)) {
            throw ViewConflictException.rebuildRunning(view, leases.rebuildOf(view));
        }
        int version = registry.newVersion(view);
        Rebuild rebuild = new Rebuild(
                rebuildId,
                view,
                version,
                asOf,
                switchMode,
                Rebuild.State.RUNNING,
                0,
                0,
                0,
                0,
                0,
                clock.instant(),
                null,
                null,
                null,
                false);
        rebuilds.create(rebuild);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rebuildId", rebuildId);
        details.put("version", version);
        details.put("switch", switchMode.name());
        if (asOf != null) {
            details.put("asOf", asOf.toString());
        }
        audit.record("views.rebuild.start", view, details);
        events.publishEvent(new Started(rebuildId));
        return rebuild;
    }

    /**
     * The rebuild's lag reached zero: it is caught up and its diff with the live version is started; a snapshot is
     * complete and lets the view go, a rebuild set to switch when caught up switches.
     *
     * @return whether its consumer stops (a snapshot)
     */
    boolean caughtUp(Rebuild rebuild) {
        if (!rebuilds.move(
                rebuild.rebuildId(),
                Rebuild.State.CAUGHT_UP,
                Updates.set("caughtUpAt", Rebuilds.date(clock.instant())),
                Rebuild.State.RUNNING)) {
            return false;
        }
        try {
            diffs.current(rebuild, false);
        } catch (RuntimeException e) {
            // The rebuild is caught up all the same; its diff is made when it is asked for.
            log.warn(
                    "The diff of rebuild {} did not start: {}",
                    rebuild.rebuildId(),
                    e.getClass().getName());
        }
        if (rebuild.isSnapshot()) {
            leases.releaseView(rebuild.view(), rebuild.rebuildId());
            return true;
        }
        if (rebuild.switchMode() == Rebuild.SwitchMode.WHEN_CAUGHT_UP) {
            switchTo(rebuild.rebuildId(), true);
        }
        return false;
    }

    /** A rebuild's data was dropped: so is its diff. */
    void dropped(String rebuildId) {
        rebuilds.dropped(rebuildId);
        diffs.forget(rebuildId);
    }

    /** Switches every reader to the rebuild's version in one single-document write; 409 unless it is caught up. */
    ViewRegistry.Entry switchTo(String rebuildId, boolean automatic) {
        Rebuild rebuild = rebuilds.find(rebuildId).orElseThrow(() -> RebuildNotFoundException.of(rebuildId));
        if (rebuild.isSnapshot()) {
            throw ViewConflictException.of(
                    "Rebuild " + rebuildId + " is an as-of snapshot: snapshots are never switched to.");
        }
        if (rebuild.state() != Rebuild.State.CAUGHT_UP) {
            throw ViewConflictException.of("Rebuild " + rebuildId + " is " + rebuild.state()
                    + ": only a caught-up rebuild can be switched to.");
        }
        ViewRegistry.Entry before = registry.entry(rebuild.view());
        while (before.active() != rebuild.version() && !registry.switchTo(rebuild.view(), rebuild.version(), before)) {
            before = registry.entry(rebuild.view());
        }
        rebuilds.move(
                rebuildId,
                Rebuild.State.SWITCHED,
                Updates.set("switchedAt", Rebuilds.date(clock.instant())),
                Rebuild.State.CAUGHT_UP);
        leases.releaseView(rebuild.view(), rebuildId);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rebuildId", rebuildId);
        details.put("from", before.active());
        details.put("to", rebuild.version());
        details.put("automatic", automatic);
        audit.record("views.switch", rebuild.view(), details);
        return registry.entry(rebuild.view());
    }

    /** Back to the version active before the last switch, in one single-document write; 409 if there is none. */
    ViewRegistry.Entry rollBack(String view) {
        while (true) {
            ViewRegistry.Entry before = registry.entry(view);
            if (before.previous() == null) {
                throw ViewConflictException.of("There is no previous version of " + view + " to roll back to.");
            }
            if (registry.rollBack(view, before)) {
                audit.record("views.rollback", view, Map.of("from", before.active(), "to", before.previous()));
                return registry.entry(view);
            }
        }
    }

    /** Cancels a rebuild and has its data dropped; 409 for a version readers use or may return to. */
    Rebuild cancel(String rebuildId) {
        Rebuild rebuild = rebuilds.find(rebuildId).orElseThrow(() -> RebuildNotFoundException.of(rebuildId));
        if (rebuild.state() == Rebuild.State.SWITCHED
                && registry.entry(rebuild.view()).isInUse(rebuild.version())) {
            throw ViewConflictException.of("Version " + rebuild.version() + " of " + rebuild.view()
                    + " is active or the one a roll-back returns to: switch or roll back first.");
        }
        boolean cancelled = rebuilds.move(
                rebuildId,
                Rebuild.State.CANCELLED,
                null,
                Rebuild.State.RUNNING,
                Rebuild.State.CAUGHT_UP,
                Rebuild.State.FAILED,
                Rebuild.State.SWITCHED);
        leases.releaseView(rebuild.view(), rebuildId);
        if (cancelled) {
            audit.record(
                    "views.rebuild.cancel",
                    rebuild.view(),
                    Map.of("rebuildId", rebuildId, "version", rebuild.version(), "was", rebuild.state()));
        }
        return rebuilds.find(rebuildId).orElseThrow();
    }

    static String view(String view) {
        if (!ReadVersions.CUSTOMER_DETAILS.equals(view)) {
            throw new com.customer360.query.web.InvalidParameterException(
                    "view", "must be " + ReadVersions.CUSTOMER_DETAILS);
        }
        return view;
    }
}
