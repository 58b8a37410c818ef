package com.customer360.query.views;

import com.customer360.query.store.ReadVersions;
import com.customer360.query.web.InvalidParameterException;
import com.customer360.security.ConcurrencyLimits;
import com.customer360.security.ContactMasking;
import com.customer360.security.RunsViews;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Rebuilds of views into new versions beside the live one, their progress, what differs, and the switch and
 * roll-back of every reader: for analysts and administrators.
 */
@RestController
@RunsViews
@RequestMapping("/api/views")
class ViewsController implements DisposableBean {

    private static final String REBUILD_ID = "rb-[0-9a-f-]{1,20}";
    private static final long STREAM_TIMEOUT_MILLIS = Duration.ofHours(1).toMillis();

    private final ViewOperations operations;
    private final Rebuilds rebuilds;
    private final ViewRegistry registry;
    private final DiffComputations diffs;
    private final Clock clock;
    private final ConcurrencyLimits streams;
    private final ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rebuild-progress");
        thread.setDaemon(true);
        return thread;
    });

    ViewsController(
            ViewOperations operations,
            Rebuilds rebuilds,
            ViewRegistry registry,
            DiffComputations diffs,
            Clock clock,
            @Value("${customer360.live.max-streams-per-user:32}") int maxStreamsPerUser) {
        this.operations = operations;
        this.rebuilds = rebuilds;
        this.registry = registry;
        this.diffs = diffs;
        this.clock = clock;
        this.streams = new ConcurrencyLimits(maxStreamsPerUser, "event streams");
    }

    /** What starts a rebuild. */
    record RebuildRequest(String view, String asOf, @JsonProperty("switch") String switchMode) {}

    record Started(String rebuildId, String view, int version, Rebuild.State state) {}

    record ViewVersions(String view, int active, Integer previous, List<Integer> retired) {

        static ViewVersions of(ViewRegistry.Entry entry) {
            return new ViewVersions(
                    entry.view(),
                    entry.active(),
                    entry.previous(),
                    entry.retired().stream().map(ViewRegistry.Retired::version).toList());
        }
    }

    record RebuildList(List<RebuildView> items) {}

    @GetMapping
    Map<String, List<ViewVersions>> views() {
        return Map.of("items", List.of(ViewVersions.of(registry.entry(ReadVersions.CUSTOMER_DETAILS))));
    }

    @PostMapping("/rebuilds")
    ResponseEntity<Started> start(@RequestBody RebuildRequest request) {
        String view = ViewOperations.view(request.view() == null ? null : request.view());
        Instant asOf = asOf(request.asOf());
        Rebuild.SwitchMode mode = switchMode(request.switchMode());
        if (asOf != null && mode == Rebuild.SwitchMode.WHEN_CAUGHT_UP) {
            throw new InvalidParameterException("switch", "an as-of snapshot is never switched to");
        }
        Rebuild rebuild = operations.start(view, asOf, mode);
        return ResponseEntity.accepted()
                .location(URI.create("/api/views/rebuilds/" + rebuild.rebuildId()))
                .body(new Started(rebuild.rebuildId(), rebuild.view(), rebuild.version(), rebuild.state()));
    }

    @GetMapping("/rebuilds")
    RebuildList list() {
        return new RebuildList(rebuilds.newest().stream().map(RebuildView::of).toList());
    }

    @GetMapping("/rebuilds/{rebuildId}")
    RebuildView rebuild(
            @PathVariable("rebuildId") @Pattern(regexp = REBUILD_ID, message = "is not a rebuild id")
                    String rebuildId) {
        return RebuildView.of(find(rebuildId));
    }

    /** The rebuild's progress every second until nothing changes any more. */
    @GetMapping(value = "/rebuilds/{rebuildId}/progress", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter progress(
            @PathVariable("rebuildId") @Pattern(regexp = REBUILD_ID, message = "is not a rebuild id")
                    String rebuildId) {
        find(rebuildId);
        ConcurrencyLimits.Permit permit = streams.acquire();
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MILLIS);
        ScheduledFuture<?>[] task = new ScheduledFuture<?>[1];
        Runnable end = () -> {
            permit.close();
            if (task[0] != null) {
                task[0].cancel(false);
            }
        };
        emitter.onCompletion(end);
        emitter.onTimeout(end);
        emitter.onError(error -> end.run());
        task[0] = progress.scheduleWithFixedDelay(
                () -> {
                    try {
                        RebuildView view = RebuildView.of(find(rebuildId));
                        emitter.send(SseEmitter.event().name("progress").data(view, MediaType.APPLICATION_JSON));
                        if (view.isSettled()) {
                            emitter.complete();
                        }
                    } catch (IOException | RuntimeException e) {
                        emitter.completeWithError(e);
                    }
                },
                0,
                1,
                TimeUnit.SECONDS);
        return emitter;
    }

    @DeleteMapping("/rebuilds/{rebuildId}")
    ResponseEntity<RebuildView> cancel(
            @PathVariable("rebuildId") @Pattern(regexp = REBUILD_ID, message = "is not a rebuild id")
                    String rebuildId) {
        return ResponseEntity.accepted().body(RebuildView.of(operations.cancel(rebuildId)));
    }

    /** The stored diff's page: 200 once it is made, 202 with its progress while it is being made. */
    @GetMapping("/rebuilds/{rebuildId}/diff")
    ResponseEntity<DiffView> diff(
            @PathVariable("rebuildId") @Pattern(regexp = REBUILD_ID, message = "is not a rebuild id") String rebuildId,
            @RequestParam(name = "page", defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int page,
            @RequestParam(name = "size", defaultValue = "50")
                    @Min(value = 1, message = "must be between 1 and 100")
                    @Max(value = 100, message = "must be between 1 and 100")
                    int size) {
        return DiffView.response(diffs.page(rebuildId, page, size, false, ContactMasking.forCurrentUser()));
    }

    /** Makes the diff again, against the live version of now; 202 with its progress. */
    @PostMapping("/rebuilds/{rebuildId}/diff")
    ResponseEntity<DiffView> recomputeDiff(
            @PathVariable("rebuildId") @Pattern(regexp = REBUILD_ID, message = "is not a rebuild id")
                    String rebuildId) {
        return DiffView.response(diffs.page(rebuildId, 0, 50, true, ContactMasking.forCurrentUser()));
    }

    @PostMapping("/rebuilds/{rebuildId}/switch")
    ViewVersions switchTo(
            @PathVariable("rebuildId") @Pattern(regexp = REBUILD_ID, message = "is not a rebuild id")
                    String rebuildId) {
        return ViewVersions.of(operations.switchTo(rebuildId, false));
    }

    @PostMapping("/{view}/rollback")
    ViewVersions rollBack(@PathVariable("view") String view) {
        return ViewVersions.of(operations.rollBack(ViewOperations.view(view)));
    }

    private Rebuild find(String rebuildId) {
        return rebuilds.find(rebuildId).orElseThrow(() -> RebuildNotFoundException.of(rebuildId));
    }

    private Instant asOf(String asOf) {
        if (asOf == null) {
            return null;
        }
        Instant moment;
        try {
            moment = OffsetDateTime.parse(asOf).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException("asOf", "must be an RFC 3339 time such as 2026-06-30T23:59:59Z");
        }
        if (moment.isAfter(clock.instant())) {
            throw new InvalidParameterException("asOf", "must not be in the future");
        }
        return moment;
    }

    private static Rebuild.SwitchMode switchMode(String mode) {
        if (mode == null || mode.equals("manual")) {
            return Rebuild.SwitchMode.MANUAL;
        }
        if (mode.equals("when-caught-up")) {
            return Rebuild.SwitchMode.WHEN_CAUGHT_UP;
        }
        throw new InvalidParameterException("switch", "must be manual or when-caught-up");
    }

    @Override
    public void destroy() {
        progress.shutdownNow();
    }
}
