package com.customer360.query.pages;

import com.customer360.query.views.ViewConsole;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The snapshot selector of the customer pages: the as-of snapshots one can browse, and, when a page is read with
 * {@code ?view=<a snapshot's version>}, the day it stands at, for the banner "Viewing as of … — back to live".
 */
@ControllerAdvice(assignableTypes = {CustomerPages.class, CustomerListPages.class})
class SnapshotChoice {

    private final ViewConsole views;

    SnapshotChoice(ViewConsole views) {
        this.views = views;
    }

    /** A snapshot as the selector offers it. */
    record Choice(int version, LocalDate day, boolean chosen) {}

    @ModelAttribute("snapshots")
    List<Choice> snapshots(HttpServletRequest request) {
        String chosen = request.getParameter("view");
        return views.snapshots().stream()
                .map(snapshot -> new Choice(
                        snapshot.version(),
                        snapshot.asOf().atZone(ZoneOffset.UTC).toLocalDate(),
                        String.valueOf(snapshot.version()).equals(chosen)))
                .toList();
    }

    /** The day of the snapshot this page is read from, or {@code null} when it reads the live view. */
    @ModelAttribute("viewingAsOf")
    LocalDate viewingAsOf(@ModelAttribute("snapshots") List<Choice> snapshots) {
        return snapshots.stream()
                .filter(Choice::chosen)
                .map(Choice::day)
                .findFirst()
                .orElse(null);
    }

    /** The page itself without its parameters: the way back to live figures. */
    @ModelAttribute("livePath")
    String livePath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
