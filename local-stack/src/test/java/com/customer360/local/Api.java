package com.customer360.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The two HTTP APIs as a test sees them: commands that must succeed, and JSON read back. */
final class Api {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final URI commands;
    private final URI queries;

    Api(URI commands, URI queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** Sends a command and checks it was accepted (2xx). */
    JsonNode command(String method, String path, String body) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(commands.resolve(path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body == null ? "" : body)));
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isBetween(200, 299);
        return read(response.body());
    }

    /** Reads from the query API; {@code null} while it answers 404. */
    JsonNode query(String path) {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(queries.resolve(path)).GET());
        if (response.statusCode() == 404) {
            return null;
        }
        assertThat(response.statusCode())
                .as("GET " + path + ": " + response.body())
                .isEqualTo(200);
        return read(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String body) {
        try {
            return body.isEmpty() ? null : json.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
