package com.customer360.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The one HTTP client of the tests: plain {@code java.net.http} against a service on 127.0.0.1, answers kept as they
 * came (status, headers, body as text) with the body parsed as JSON on demand.
 */
public final class TestHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String authorization;

    public TestHttp(URI base) {
        this(base, null);
    }

    private TestHttp(URI base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** The same client sending HTTP Basic credentials with every request. */
    public TestHttp as(String user, String password) {
        String token = java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new TestHttp(base, "Basic " + token);
    }

    /** The same client sending this {@code Authorization} header with every request. */
    public TestHttp authorizedBy(String authorization) {
        return new TestHttp(base, authorization);
    }

    /** The same client without credentials. */
    public TestHttp anonymous() {
        return new TestHttp(base, null);
    }

    public TestHttp(int port) {
        this(URI.create("http://127.0.0.1:" + port));
    }

    public URI base() {
        return base;
    }

    /** The {@code Authorization} header this client sends, or {@code null}. */
    public String authorization() {
        return authorization;
    }

    /** What a service answered. */
    public record Answer(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            try {
                return body.isEmpty() ? null : JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }
    }

    /** What a service answered with a body that is not text, such as a PDF. */
    public record BinaryAnswer(int status, HttpHeaders headers, byte[] body) {

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    public BinaryAnswer getBytes(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new BinaryAnswer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasHeader(String[] headers, String name) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Only the status of an answer, read as soon as its headers arrive and the body left unread: for endpoints that
     * stream without end, such as server-sent events.
     */
    public int statusOf(String method, String path) {
        return statusOf(method, path, null, null);
    }

    /** Only the status, of a request with a body of the given type ({@code null}s for none). */
    public int statusOf(String method, String path, String contentType, String body) {
        HttpResponse<java.io.InputStream> response =
                exchange(method, path, contentType, body, HttpResponse.BodyHandlers.ofInputStream());
        try {
            response.body().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return response.statusCode();
    }

    public Answer get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    /** A POST with a JSON body, or none when {@code body} is {@code null}. */
    public Answer post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    public Answer delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /**
     * A request with a JSON body, or none when {@code body} is {@code null}.
     *
     * @param headers name, value, name, value, ...
     */
    public Answer send(String method, String path, String body, String... headers) {
        return sendAs(method, path, body == null ? null : "application/json", body, headers);
    }

    /**
     * A request whose {@code Content-Type} is exactly {@code contentType}, or absent when it is {@code null}, with
     * {@code body} as UTF-8 or no body at all: for the refusals of media types and of missing bodies, which {@link
     * #send} cannot show since it labels every body JSON.
     *
     * @param headers name, value, name, value, ...
     */
    public Answer sendAs(String method, String path, String contentType, String body, String... headers) {
        HttpResponse<String> response =
                exchange(method, path, contentType, body, HttpResponse.BodyHandlers.ofString(), headers);
        return new Answer(response.statusCode(), response.headers(), response.body());
    }

    /** Sends with this client's credentials, unless {@code headers} bring an {@code Authorization} of their own. */
    private <T> HttpResponse<T> exchange(
            String method,
            String path,
            String contentType,
            String body,
            HttpResponse.BodyHandler<T> handler,
            String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null && !hasHeader(headers, "Authorization")) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(request.build(), handler);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
