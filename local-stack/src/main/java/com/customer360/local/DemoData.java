package com.customer360.local;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic shop history: customers in Europe and the US, five stores in two currencies, and orders in every
 * status — drafts, cancellations, shipments stuck in transit, deliveries, returns and refunds — placed over the last
 * eighteen months. The same seed and day always give the same requests, so loading can simply start again after an
 * interruption.
 */
final class DemoData {

    /** One HTTP request to the command API. */
    record Call(String method, String path, Map<String, Object> body, String idempotencyKey) {}

    /** Registrations first, then each order's requests in the order they must happen. */
    record Plan(List<Call> customers, List<List<Call>> orders) {
        int size() {
            return customers.size() + orders.stream().mapToInt(List::size).sum();
        }
    }

    private record Store(String id, String currency, boolean europe) {}

    private record Product(String sku, String name, String usd, String eur) {}

    private static final List<Store> STORES = List.of(
            new Store("berlin-flagship", "EUR", true),
            new Store("paris-rivoli", "EUR", true),
            new Store("webshop-eu", "EUR", true),
            new Store("new-york-soho", "USD", false),
            new Store("webshop-us", "USD", false));

    private static final List<Product> PRODUCTS = List.of(
            new Product("TEA-EARLGREY-250", "Earl Grey tea, 250 g", "12.50", "11.90"),
            new Product("TEA-SENCHA-100", "Sencha tea, 100 g", "9.95", "8.95"),
            new Product("MUG-ENAMEL", "Enamel mug", "18.95", "17.50"),
            new Product("POT-CAST-IRON", "Cast iron teapot", "64.00", "59.00"),
            new Product("KETTLE-GOOSENECK", "Gooseneck kettle", "89.99", "84.99"),
            new Product("INFUSER-STEEL", "Steel infuser", "7.49", "6.99"),
            new Product("CUP-SET-4", "Porcelain cups, set of 4", "39.00", "36.00"),
            new Product("HONEY-ACACIA", "Acacia honey, 500 g", "14.25", "12.80"),
            new Product("TRAY-BAMBOO", "Bamboo tray", "24.90", "22.90"),
            new Product("GIFT-BOX", "Tasting gift box", "49.50", "45.00"),
            new Product("TEA-MATCHA-30", "Ceremonial matcha, 30 g", "29.00", "27.00"),
            new Product("SCALE-DIGITAL", "Digital tea scale", "32.99", "30.99"));

    private static final String[] FIRST = {
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
    private static final String[] LAST = {
        "Lovelace", "Turing", "Hopper", "Torvalds", "Hamilton", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson",
        "Perlman", "Berners-Lee", "Lamarr", "Backus", "Johnson", "Wirth", "Wilson", "Matsumoto", "Borg", "van Rossum"
    };
    private static final String[][] EU_CITIES = {
        {"Berlin", "10115", "DE"},
        {"Paris", "75001", "FR"},
        {"Amsterdam", "1012", "NL"},
        {"Vienna", "1010", "AT"},
        {"Madrid", "28001", "ES"}
    };
    private static final String[][] US_CITIES = {
        {"New York", "10001", "US"}, {"Boston", "02108", "US"}, {"Chicago", "60601", "US"}, {"Austin", "73301", "US"}
    };

    private final Random random;
    private final Instant dayStart;
    private String[] names;

    private DemoData(long seed, Instant now) {
        this.random = new Random(seed);
        this.dayStart = now.truncatedTo(ChronoUnit.DAYS);
    }

    /** The plan for the given day: times are measured back from the start of that day. */
    static Plan generate(long seed, int customerCount, int orderCount, Instant now) {
        return new DemoData(seed, now).plan(customerCount, orderCount);
    }

    static String customerId(int index) {
        return String.format("demo-c-%04d", index);
    }

    private Plan plan(int customerCount, int orderCount) {
        List<Call> customers = new ArrayList<>();
        boolean[] europe = new boolean[customerCount + 1];
        names = new String[customerCount + 1];
        boolean[] traveller = new boolean[customerCount + 1];
        for (int c = 1; c <= customerCount; c++) {
            europe[c] = random.nextInt(10) < 6;
            traveller[c] = random.nextInt(100) < 15;
            customers.add(registration(c, europe[c]));
        }
        List<List<Call>> orders = new ArrayList<>();
        for (int o = 1; o <= orderCount; o++) {
            // A few customers place many orders, most place a handful.
            int c = 1 + (int) Math.floor(Math.pow(random.nextDouble(), 1.4) * customerCount);
            boolean fromEurope = traveller[c] && random.nextBoolean() ? !europe[c] : europe[c];
            orders.add(order(String.format("demo-o-%05d", o), c, fromEurope));
        }
        return new Plan(customers, orders);
    }

    private Call registration(int c, boolean europe) {
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        names[c] = first + " " + last;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", customerId(c));
        body.put("name", first + " " + last);
        body.put("email", (first + "." + last).toLowerCase().replace(' ', '-') + "." + c + "@example.com");
        if (random.nextInt(10) < 7) {
            body.put("phone", (europe ? "+49 30 " : "+1 212 ") + (5550000 + random.nextInt(9999)));
        }
        if (random.nextInt(10) < 8) {
            body.put("defaultShippingAddress", address(first + " " + last, europe));
        }
        return new Call("POST", "/api/customers", body, "demo-" + customerId(c));
    }

    private Map<String, Object> address(String name, boolean europe) {
        String[] city =
                europe ? EU_CITIES[random.nextInt(EU_CITIES.length)] : US_CITIES[random.nextInt(US_CITIES.length)];
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("name", name);
        address.put("line1", (1 + random.nextInt(199)) + (europe ? " Hauptstrasse" : " Main Street"));
        address.put("city", city[0]);
        address.put("postalCode", city[1]);
        address.put("country", city[2]);
        return address;
    }

    private List<Call> order(String orderId, int c, boolean europe) {
        List<Store> stores = STORES.stream().filter(s -> s.europe() == europe).toList();
        Store store = stores.get(random.nextInt(stores.size()));
        Instant placedAt =
                dayStart.minus(Duration.ofMinutes(random.nextInt(540 * 24 * 60)).plusMinutes(30));
        List<Map<String, Object>> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            Product product = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
            int quantity = 1 + random.nextInt(3);
            BigDecimal price = new BigDecimal(store.currency().equals("EUR") ? product.eur() : product.usd());
            lines.add(Map.of("sku", product.sku(), "name", product.name(), "quantity", quantity, "unitPrice", price));
            total = total.add(price.multiply(BigDecimal.valueOf(quantity)));
        }
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("orderId", orderId);
        create.put("customerId", customerId(c));
        create.put("storeId", store.id());
        create.put("currency", store.currency());
        create.put("lines", lines);
        create.put("shippingAddress", address(names[c], europe));

        List<Call> calls = new ArrayList<>();
        int fate = random.nextInt(100);
        if (fate < 5) { // a draft still being put together
            create.put("draft", true);
            calls.add(call("POST", "/api/orders", create, orderId, "create"));
            return calls;
        }
        if (fate < 8) { // a draft placed now, or abandoned
            create.put("draft", true);
            calls.add(call("POST", "/api/orders", create, orderId, "create"));
            calls.add(call(
                    "POST", "/api/orders/" + orderId + (fate < 7 ? "/place" : "/cancel"), Map.of(), orderId, "next"));
            return calls;
        }
        create.put("placedAt", placedAt.toString());
        calls.add(call("POST", "/api/orders", create, orderId, "create"));
        if (fate < 15) {
            calls.add(call(
                    "POST",
                    "/api/orders/" + orderId + "/cancel",
                    Map.of("reason", "Customer changed their mind"),
                    orderId,
                    "cancel"));
            return calls;
        }
        Instant shipped = placedAt.plus(Duration.ofHours(20 + random.nextInt(30)));
        if (fate < 22 || shipped.isAfter(dayStart)) {
            return calls; // placed, not shipped yet
        }
        calls.add(shipment(orderId, "IN_TRANSIT", shipped, "Left the warehouse", "1"));
        Instant delivered = shipped.plus(Duration.ofHours(30 + random.nextInt(70)));
        if (fate < 30 || delivered.isAfter(dayStart)) {
            return calls; // in transit; the older ones are stuck
        }
        calls.add(shipment(orderId, "DELIVERED", delivered, "Handed to the customer", "2"));
        if (fate < 38) {
            calls.add(call(
                    "POST",
                    "/api/orders/" + orderId + "/return",
                    Map.of("reason", "Did not fit the kitchen"),
                    orderId,
                    "return"));
            if (fate < 36) {
                calls.add(call(
                        "POST",
                        "/api/orders/" + orderId + "/refunds",
                        Map.of("amount", total, "reason", "Returned"),
                        orderId,
                        "refund"));
            }
        } else if (fate < 48) {
            BigDecimal partial = (BigDecimal) lines.get(0).get("unitPrice");
            calls.add(call(
                    "POST",
                    "/api/orders/" + orderId + "/refunds",
                    Map.of("amount", partial, "reason", "Arrived damaged"),
                    orderId,
                    "refund"));
        }
        return calls;
    }

    private Call shipment(String orderId, String status, Instant at, String note, String step) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("carrier", "DHL");
        body.put("trackingNumber", "JD0146" + orderId.replaceAll("\\D", ""));
        body.put("note", note);
        body.put("at", at.toString());
        return call("POST", "/api/orders/" + orderId + "/shipment-updates", body, orderId, "ship-" + step);
    }

    private static Call call(String method, String path, Map<String, Object> body, String orderId, String step) {
        return new Call(method, path, body, "demo-" + orderId + "-" + step);
    }
}
