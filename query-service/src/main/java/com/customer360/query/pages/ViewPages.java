package com.customer360.query.pages;

import com.customer360.query.sales.StoreSalesProgress;
import com.customer360.query.views.ViewConsole;
import com.customer360.query.web.NotFoundException;
import com.customer360.security.RunsViews;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The views page for analysts: every view with its active version, the rebuilds with a progress bar that follows the
 * rebuild's progress stream, a rebuild's diff page by page, and buttons to start, switch, roll back and cancel — forms
 * that post with the page's CSRF token and do what the API does (audited the same way).
 */
@Controller
@RunsViews
class ViewPages {

    private static final int DIFF_PAGE_SIZE = 25;

    private final ViewConsole views;
    private final StoreSalesProgress sales;
    private final Clock clock;

    ViewPages(ViewConsole views, StoreSalesProgress sales, Clock clock) {
        this.views = views;
        this.sales = sales;
        this.clock = clock;
    }

    @GetMapping("/views")
    String views(
            @RequestParam(name = "diff", required = false) String diffOf,
            @RequestParam(name = "page", defaultValue = "0") int page,
            Model model) {
        model.addAttribute("views", views.views());
        model.addAttribute("rebuilds", views.rebuilds());
        model.addAttribute("sales", salesProgress());
        if (diffOf != null) {
            if (page < 0) {
                throw new PageParameterException("The diff's page must be 0 or more.");
            }
            model.addAttribute("diff", views.diff(diffOf, page, DIFF_PAGE_SIZE));
        }
        return "pages/views";
    }

    /** One rebuild's row, fetched again on each event of its progress stream. */
    @GetMapping("/views/rebuilds/{rebuildId}/row")
    String row(@PathVariable("rebuildId") String rebuildId, Model model) {
        model.addAttribute(
                "rebuild", views.rebuild(rebuildId).orElseThrow(() -> new NotFoundException("rebuild", rebuildId)));
        return "pages/views :: rebuild";
    }

    @PostMapping("/views/rebuilds")
    String start(
            @RequestParam(name = "asOf", required = false) String asOf,
            @RequestParam(name = "switch", defaultValue = "manual") String switchMode,
            RedirectAttributes redirect) {
        Instant moment = asOf == null || asOf.isBlank() ? null : endOf(asOf);
        boolean automatic = switchMode.equals("when-caught-up");
        if (moment != null && automatic) {
            throw new PageParameterException("An as-of snapshot is never switched to; choose a manual switch.");
        }
        String rebuildId = views.start(moment, automatic);
        redirect.addFlashAttribute("message", "Rebuild " + rebuildId + " started.");
        return "redirect:/views";
    }

    @PostMapping("/views/rebuilds/{rebuildId}/switch")
    String switchTo(@PathVariable("rebuildId") String rebuildId, RedirectAttributes redirect) {
        views.switchTo(rebuildId);
        redirect.addFlashAttribute("message", "Readers now read rebuild " + rebuildId + ".");
        return "redirect:/views";
    }

    @PostMapping("/views/rebuilds/{rebuildId}/cancel")
    String cancel(@PathVariable("rebuildId") String rebuildId, RedirectAttributes redirect) {
        views.cancel(rebuildId);
        redirect.addFlashAttribute("message", "Rebuild " + rebuildId + " cancelled; its data is dropped.");
        return "redirect:/views";
    }

    @PostMapping("/views/{view}/rollback")
    String rollBack(@PathVariable("view") String view, RedirectAttributes redirect) {
        views.rollBack(view);
        redirect.addFlashAttribute("message", "Readers are back on the previous version of " + view + ".");
        return "redirect:/views";
    }

    /** The store-sales view's backfill, or {@code null} while the event topic cannot be asked. */
    private StoreSalesProgress.Progress salesProgress() {
        try {
            return sales.progress();
        } catch (org.springframework.web.ErrorResponseException e) {
            return null;
        }
    }

    /** A snapshot "as of" a day holds every event recorded up to the end of that day (UTC). */
    private Instant endOf(String day) {
        Instant end;
        try {
            end = LocalDate.parse(day)
                    .plusDays(1)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant()
                    .minusMillis(1);
        } catch (DateTimeParseException e) {
            throw new PageParameterException("The as-of day must be a date such as 2026-06-30.");
        }
        if (!end.isBefore(clock.instant())) {
            throw new PageParameterException("The as-of day must be over: a snapshot of today would still change.");
        }
        return end;
    }
}
