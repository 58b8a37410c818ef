package com.customer360.local;

import static com.customer360.local.Browser.retryingStale;

import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What the browser shows of the customer pages, read as a reader finds it: the heading, the rows of the customer
 * list, the figures of a currency, the order history's caption and the orders it links to. Each read retries once the
 * page replaced what it was reading (the pages update themselves).
 */
final class ShownPage {

    private final Browser browser;

    ShownPage(Browser browser) {
        this.browser = browser;
    }

    WebElement figureElement(String currency, String figure) {
        return browser.byRoleAndName("div", "group", "Figures in " + currency)
                .findElement(By.cssSelector("[data-figure='" + figure + "'] dd"));
    }

    long figure(String currency, String figure) {
        return retryingStale(
                () -> Long.parseLong(figureElement(currency, figure).getText().trim()));
    }

    String amount(String currency, String figure) {
        return retryingStale(() -> figureElement(currency, figure)
                .findElement(By.cssSelector("[data-amount]"))
                .getAttribute("data-amount"));
    }

    List<WebElement> customerRows() {
        return browser.all("#results table tbody tr");
    }

    boolean rowsNamed(String name) {
        return customerRows().stream()
                .allMatch(
                        row -> row.findElement(By.cssSelector("th a")).getText().equals(name));
    }

    String heading() {
        return browser.all("h1").stream().map(WebElement::getText).findFirst().orElse("");
    }

    String ordersCaption() {
        return browser.all("#orders caption").stream()
                .map(WebElement::getText)
                .findFirst()
                .orElse("");
    }

    /** The order ids of the links named "View order …", in the table's order. */
    List<String> orderIdsShown() {
        return retryingStale(() -> {
            List<String> ids = new ArrayList<>();
            for (WebElement link : browser.all("#orders tbody a[href^='/orders/']")) {
                String name = link.getAccessibleName();
                if (name.startsWith("View order ")) {
                    ids.add(name.substring("View order ".length()));
                }
            }
            return ids;
        });
    }
}
