package com.customer360.query.pages;

import com.customer360.events.Money;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the list page's form asks for, as the browser sent it. Wrong values are kept with a message rather than
 * rejected, so the form shows what was typed next to why it does not work, and the same filters make the links of
 * the page, the next page and the CSV export.
 */
record ListFilters(
        String q,
        String sort,
        int page,
        boolean stuckInTransit,
        boolean hasDraft,
        String currency,
        String minLifetimeValue,
        List<String> problems) {

    static final String DEFAULT_SORT = "name,asc";

    /** The sorts the form offers: value, label. */
    static final List<SortOption> SORTS = List.of(
            new SortOption("name,asc", "Name, A to Z"),
            new SortOption("name,desc", "Name, Z to A"),
            new SortOption("lifetimeValue,desc", "Lifetime value, highest first"),
            new SortOption("lifetimeValue,asc", "Lifetime value, lowest first"),
            new SortOption("averageOrderValue,desc", "Average order value, highest first"),
            new SortOption("averageOrderValue,asc", "Average order value, lowest first"),
            new SortOption("orderCount,desc", "Order count, most first"),
            new SortOption("orderCount,asc", "Order count, fewest first"),
            new SortOption("lastOrderAt,desc", "Last order, newest first"),
            new SortOption("lastOrderAt,asc", "Last order, oldest first"));

    record SortOption(String value, String label) {}

    static ListFilters of(
            String q,
            String sort,
            String page,
            String stuckInTransit,
            String hasDraft,
            String currency,
            String minLifetimeValue) {
        List<String> problems = new ArrayList<>();
        String query = q == null || q.isBlank() ? null : q.strip();
        if (query != null && query.length() > 100) {
            problems.add("The search can be at most 100 characters long.");
            query = query.substring(0, 100);
        }
        String chosenSort = sort == null || sort.isBlank() ? DEFAULT_SORT : sort.strip();
        if (SORTS.stream().noneMatch(option -> option.value().equals(chosenSort))) {
            problems.add("That sort is not one the list offers.");
        }
        int pageNumber = 0;
        if (page != null && !page.isBlank()) {
            try {
                pageNumber = Integer.parseInt(page.strip());
            } catch (NumberFormatException e) {
                pageNumber = -1;
            }
            if (pageNumber < 0) {
                problems.add("The page must be a whole number, 0 or more.");
                pageNumber = 0;
            }
        }
        String code =
                currency == null || currency.isBlank() ? null : currency.strip().toUpperCase(Locale.ROOT);
        if (code != null && !Money.isCurrency(code)) {
            problems.add("The currency must be an ISO 4217 code such as EUR, USD or JPY.");
        }
        String minimum = minLifetimeValue == null || minLifetimeValue.isBlank() ? null : minLifetimeValue.strip();
        if (minimum != null && minimumAmount(minimum) == null) {
            problems.add("The minimum lifetime value must be an amount such as 100 or 99.90, 0 or more.");
        }
        return new ListFilters(
                query,
                chosenSort,
                pageNumber,
                "true".equalsIgnoreCase(stuckInTransit),
                "true".equalsIgnoreCase(hasDraft),
                code,
                minimum,
                List.copyOf(problems));
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    public boolean filtered() {
        return q != null || stuckInTransit || hasDraft || currency != null || minLifetimeValue != null;
    }

    String sortField() {
        return sort.substring(0, sort.indexOf(','));
    }

    boolean descending() {
        return sort.endsWith(",desc");
    }

    BigDecimal minimum() {
        return minLifetimeValue == null ? null : minimumAmount(minLifetimeValue);
    }

    /** This page of the list, as a link that reloads the same filters. */
    public String pageUrl(int number) {
        List<String> parameters = parameters();
        if (number > 0) {
            parameters.add("page=" + number);
        }
        return link("/", parameters);
    }

    public String exportUrl() {
        return link("/api/customers/export.csv", parameters());
    }

    private List<String> parameters() {
        List<String> parameters = new ArrayList<>();
        add(parameters, "q", q);
        add(parameters, "sort", sort.equals(DEFAULT_SORT) ? null : sort);
        add(parameters, "stuckInTransit", stuckInTransit ? "true" : null);
        add(parameters, "hasDraft", hasDraft ? "true" : null);
        add(parameters, "currency", currency);
        add(parameters, "minLifetimeValue", minLifetimeValue);
        return parameters;
    }

    private static void add(List<String> parameters, String name, String value) {
        if (value != null) {
            parameters.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String link(String path, List<String> parameters) {
        return parameters.isEmpty() ? path : path + "?" + String.join("&", parameters);
    }

    private static BigDecimal minimumAmount(String value) {
        try {
            BigDecimal amount = new BigDecimal(value);
            boolean fits = amount.signum() >= 0
                    && Money.integerDigits(amount) <= Money.MAX_INTEGER_DIGITS
                    && amount.scale() <= 3;
            return fits ? amount : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
