package com.customer360.local;

import java.util.List;

/** What the demo shop sells and where: its regions with their currency, seven stores, twelve products priced in each
 * currency with its digits, and the names and cities its customers are drawn from. */
final class DemoCatalog {

    enum Region {
        EUROPE("EUR", "+49 30 ", " Hauptstrasse"),
        US("USD", "+1 212 ", " Main Street"),
        JAPAN("JPY", "+81 3 ", "-chome, Ginza");

        final String currency;
        final String phonePrefix;
        final String street;

        Region(String currency, String phonePrefix, String street) {
            this.currency = currency;
            this.phonePrefix = phonePrefix;
            this.street = street;
        }
    }

    record Store(String id, Region region) {}

    /** Prices per currency, each with that currency's digits. */
    record Product(String sku, String name, String usd, String eur, String jpy) {
        String price(String currency) {
            return switch (currency) {
                case "EUR" -> eur;
                case "USD" -> usd;
                default -> jpy;
            };
        }
    }

    static final List<Store> STORES = List.of(
            new Store("berlin-flagship", Region.EUROPE),
            new Store("paris-rivoli", Region.EUROPE),
            new Store("webshop-eu", Region.EUROPE),
            new Store("new-york-soho", Region.US),
            new Store("webshop-us", Region.US),
            new Store("tokyo-ginza", Region.JAPAN),
            new Store("webshop-jp", Region.JAPAN));

    static final List<Product> PRODUCTS = List.of(
            new Product("TEA-EARLGREY-250", "Earl Grey tea, 250 g", "12.50", "11.90", "1800"),
            new Product("TEA-SENCHA-100", "Sencha tea, 100 g", "9.95", "8.95", "1200"),
            new Product("MUG-ENAMEL", "Enamel mug", "18.95", "17.50", "2600"),
            new Product("POT-CAST-IRON", "Cast iron teapot", "64.00", "59.00", "8800"),
            new Product("KETTLE-GOOSENECK", "Gooseneck kettle", "89.99", "84.99", "12800"),
            new Product("INFUSER-STEEL", "Steel infuser", "7.49", "6.99", "980"),
            new Product("CUP-SET-4", "Porcelain cups, set of 4", "39.00", "36.00", "5400"),
            new Product("HONEY-ACACIA", "Acacia honey, 500 g", "14.25", "12.80", "1950"),
            new Product("TRAY-BAMBOO", "Bamboo tray", "24.90", "22.90", "3300"),
            new Product("GIFT-BOX", "Tasting gift box", "49.50", "45.00", "6500"),
            new Product("TEA-MATCHA-30", "Ceremonial matcha, 30 g", "29.00", "27.00", "3800"),
            new Product("SCALE-DIGITAL", "Digital tea scale", "32.99", "30.99", "4500"));

    static final String[] FIRST = {
        "Ada",
        "Alan",
        "Grace",
        "Linus",
        "Margaret",
        "Edsger",
        "Barbara",
        "Donald",
        "Frances",
        "Ken",
        "Radia",
        "Tim",
        "Hedy",
        "John",
        "Katherine",
        "Niklaus",
        "Sophie",
        "Yukihiro",
        "Anita",
        "Guido"
    };
    static final String[] LAST = {
        "Lovelace", "Turing", "Hopper", "Torvalds", "Hamilton", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson",
        "Perlman", "Berners-Lee", "Lamarr", "Backus", "Johnson", "Wirth", "Wilson", "Matsumoto", "Borg", "van Rossum"
    };
    static final String[][] EU_CITIES = {
        {"Berlin", "10115", "DE"},
        {"Paris", "75001", "FR"},
        {"Amsterdam", "1012", "NL"},
        {"Vienna", "1010", "AT"},
        {"Madrid", "28001", "ES"}
    };
    static final String[][] US_CITIES = {
        {"New York", "10001", "US"}, {"Boston", "02108", "US"}, {"Chicago", "60601", "US"}, {"Austin", "73301", "US"}
    };
    static final String[][] JP_CITIES = {
        {"Tokyo", "104-0061", "JP"}, {"Osaka", "530-0001", "JP"}, {"Kyoto", "600-8216", "JP"}
    };

    private DemoCatalog() {}
}
