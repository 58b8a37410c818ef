package com.customer360.query.pages;

import com.customer360.query.customer.CustomerList;
import com.customer360.query.customer.CustomerListPage;
import com.customer360.query.customer.CustomerListQuery;
import com.customer360.security.ContactMasking;
import com.customer360.security.ReadsCustomers;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer list page. The same URL answers the whole page and, to htmx, only the results, so a search typed
 * into the page, a page of results pushed into the address bar and a bookmark all show the same thing.
 */
@Controller
@ReadsCustomers
class CustomerListPages {

    static final int PAGE_SIZE = 20;

    private final CustomerList list;

    CustomerListPages(CustomerList list) {
        this.list = list;
    }

    @GetMapping("/")
    String customers(
            @RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "sort", required = false) String sort,
            @RequestParam(name = "page", required = false) String page,
            @RequestParam(name = "stuckInTransit", required = false) String stuckInTransit,
            @RequestParam(name = "hasDraft", required = false) String hasDraft,
            @RequestParam(name = "currency", required = false) String currency,
            @RequestParam(name = "minLifetimeValue", required = false) String minLifetimeValue,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore,
            Model model,
            HttpServletResponse response) {
        ListFilters filters = ListFilters.of(q, sort, page, stuckInTransit, hasDraft, currency, minLifetimeValue);
        model.addAttribute("filters", filters);
        model.addAttribute("sorts", ListFilters.SORTS);
        CustomerListPage results = filters.valid()
                ? list.page(query(filters), filters.page(), PAGE_SIZE, ContactMasking.forCurrentUser())
                : null;
        model.addAttribute("results", results);
        model.addAttribute("range", results == null ? null : range(results));
        response.addHeader(HttpHeaders.VARY, "HX-Request");
        boolean fragment = "true".equals(htmx) && !"true".equals(historyRestore);
        return fragment ? "pages/customers :: results" : "pages/customers";
    }

    private static CustomerListQuery query(ListFilters filters) {
        return new CustomerListQuery(
                filters.q(),
                filters.sortField(),
                filters.descending(),
                filters.stuckInTransit() ? Boolean.TRUE : null,
                filters.hasDraft() ? Boolean.TRUE : null,
                filters.minimum(),
                filters.currency(),
                null,
                null);
    }

    /** The customers one page shows, as "21–40 of 300". */
    private static String range(CustomerListPage page) {
        if (page.items().isEmpty()) {
            return "0 of " + page.totalItems();
        }
        long first = (long) page.page() * page.size() + 1;
        return first + "–" + (first + page.items().size() - 1) + " of " + page.totalItems();
    }
}
