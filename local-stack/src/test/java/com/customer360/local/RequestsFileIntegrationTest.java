package com.customer360.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.security.LocalUsers;
import com.customer360.testing.TestHttp;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every request of {@code requests.http}, in its order, against the local stack with the users it created — as a
 * reader who pasted the passwords would send them. A request whose title names a status (such as 422) must get it;
 * the others must succeed, the reads once the projection has caught up.
 */
class RequestsFileIntegrationTest {

    private static final Pattern REQUEST_LINE = Pattern.compile("^(GET|POST|PATCH|PUT|DELETE) (\\S+)$");
    private static final Pattern STATUS_IN_TITLE = Pattern.compile("\\b([45]\\d\\d)\\b");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{(\\w+)}}");

    @TempDir
    static Path data;

    private static LocalStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = new LocalStack(LocalSettings.onFreePorts(data));
        stack.start();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    /** One request of the file: its {@code ###} title, request line, headers and body. */
    private record Example(String title, String method, String url, Map<String, String> headers, String body) {}

    @Test
    void shouldAnswerEveryExampleOfTheRequestsFileAsItsTitleSays() throws IOException {
        Map<String, String> variables = new HashMap<>();
        List<Example> examples = parse(Files.readAllLines(Path.of("..", "requests.http")), variables);
        variables.put("commands", stack.commandApi().toString());
        variables.put("queries", stack.queryApi().toString());
        for (String role : List.of("viewer", "writer", "analyst", "admin")) {
            variables.put(role + "Password", LocalUsers.read(stack.localUsers()).get(role));
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(15);

        for (Example example : examples) {
            Matcher status = STATUS_IN_TITLE.matcher(example.title());
            Integer expected = status.find() ? Integer.valueOf(status.group(1)) : null;
            // Reads wait for the projection; commands are sent once, as a reader sends them.
            if (example.method().equals("GET")) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> check(example, expected, variables));
            } else {
                check(example, expected, variables);
            }
        }
    }

    private static void check(Example example, Integer expected, Map<String, String> variables) {
        TestHttp.Answer answer = send(example, variables);
        String described = example.title() + ": " + answer.status() + " " + answer.body();
        if (expected != null) {
            assertThat(answer.status()).as(described).isEqualTo(expected);
        } else {
            assertThat(answer.status()).as(described).isBetween(200, 299);
        }
    }

    private static TestHttp.Answer send(Example example, Map<String, String> variables) {
        URI url = URI.create(substitute(example.url(), variables));
        TestHttp http = new TestHttp(URI.create(url.getScheme() + "://" + url.getAuthority()));
        List<String> headers = new ArrayList<>();
        String contentType = null;
        for (Map.Entry<String, String> header : example.headers().entrySet()) {
            String value = substitute(header.getValue(), variables);
            if (header.getKey().equalsIgnoreCase("Content-Type")) {
                contentType = value;
            } else if (header.getKey().equalsIgnoreCase("Authorization") && value.startsWith("Basic ")) {
                // The HTTP clients' shorthand "Basic user password".
                String[] credentials = value.substring("Basic ".length()).split(" ", 2);
                headers.add("Authorization");
                headers.add("Basic "
                        + Base64.getEncoder().encodeToString((credentials[0] + ":" + credentials[1]).getBytes()));
            } else {
                headers.add(header.getKey());
                headers.add(value);
            }
        }
        String path = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        String body = example.body() == null ? null : substitute(example.body(), variables);
        return http.sendAs(example.method(), path, contentType, body, headers.toArray(String[]::new));
    }

    private static List<Example> parse(List<String> lines, Map<String, String> variables) {
        List<Example> examples = new ArrayList<>();
        String title = null;
        String method = null;
        String url = null;
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        StringBuilder body = null;
        for (String line : lines) {
            if (line.startsWith("###")) {
                if (method != null) {
                    examples.add(new Example(
                            title,
                            method,
                            url,
                            headers,
                            body == null ? null : body.toString().strip()));
                }
                title = line.substring(3).strip();
                method = null;
                url = null;
                headers = new java.util.LinkedHashMap<>();
                body = null;
                continue;
            }
            if (method == null && line.startsWith("@")) {
                String[] variable = line.substring(1).split("=", 2);
                variables.put(variable[0].strip(), variable[1].strip());
                continue;
            }
            Matcher request = REQUEST_LINE.matcher(line);
            if (method == null && request.matches()) {
                method = request.group(1);
                url = request.group(2);
            } else if (method != null && body == null && line.isBlank()) {
                body = new StringBuilder();
            } else if (method != null && body == null) {
                String[] header = line.split(":", 2);
                headers.put(header[0].strip(), header[1].strip());
            } else if (body != null) {
                body.append(line).append('\n');
            }
        }
        if (method != null) {
            examples.add(new Example(
                    title,
                    method,
                    url,
                    headers,
                    body == null ? null : body.toString().strip()));
        }
        return examples;
    }

    private static String substitute(String text, Map<String, String> variables) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = variables.get(matcher.group(1));
            assertThat(value).as("the variable {{%s}}", matcher.group(1)).isNotNull();
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
