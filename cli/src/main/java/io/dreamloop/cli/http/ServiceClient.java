package io.dreamloop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A small JSON-over-HTTP client for the services' APIs. */
public final class ServiceClient {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @throws IllegalStateException when the service cannot be reached or answers with an error
     */
    public JsonNode getJson(final String url) {
        return find(url)
                .orElseThrow(
                        () -> new IllegalStateException("GET %s: 404 not found".formatted(url)));
    }

    /** The document at {@code url}, or empty on 404. */
    public Optional<JsonNode> find(final String url) {
        final HttpResponse<String> response =
                send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(10))
                                .GET()
                                .build());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(parse(url, response));
    }

    public JsonNode postJson(final String url, final Object body) {
        try {
            final HttpRequest request =
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(
                                    HttpRequest.BodyPublishers.ofString(
                                            json.writeValueAsString(body)))
                            .build();
            final HttpResponse<String> response = send(request);
            if (response.statusCode() >= 400) {
                throw new IllegalStateException(
                        "POST %s: %d %s".formatted(url, response.statusCode(), response.body()));
            }
            return json.readTree(response.body());
        } catch (final IOException e) {
            throw new IllegalStateException("POST %s: %s".formatted(url, e.getMessage()), e);
        }
    }

    /** The body at {@code url} as text. */
    public String getText(final String url) {
        final HttpResponse<String> response =
                send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(60))
                                .GET()
                                .build());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException(
                    "GET %s: %d %s".formatted(url, response.statusCode(), response.body()));
        }
        return response.body();
    }

    /** POSTs bytes ({@code application/octet-stream}) and returns the JSON answer. */
    public JsonNode postBytes(final String url, final byte[] body) {
        final HttpResponse<String> response =
                send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofMinutes(2))
                                .header("Content-Type", "application/octet-stream")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException(
                    "POST %s: %d %s".formatted(url, response.statusCode(), response.body()));
        }
        try {
            return json.readTree(response.body());
        } catch (final IOException e) {
            throw new IllegalStateException(
                    "POST %s: not JSON: %s".formatted(url, e.getMessage()), e);
        }
    }

    private HttpResponse<String> send(final HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (final IOException e) {
            throw new IllegalStateException(
                    "%s %s: %s"
                            .formatted(
                                    request.method(), request.uri(), e.getClass().getSimpleName()),
                    e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private JsonNode parse(final String url, final HttpResponse<String> response) {
        try {
            // Health answers 503 with a JSON body while DOWN: still a document.
            if (response.statusCode() >= 400 && response.statusCode() != 503) {
                throw new IllegalStateException(
                        "GET %s: %d %s".formatted(url, response.statusCode(), response.body()));
            }
            return json.readTree(response.body());
        } catch (final IOException e) {
            throw new IllegalStateException(
                    "GET %s: not JSON: %s".formatted(url, e.getMessage()), e);
        }
    }
}
