package io.dreamloop.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A small JSON-over-HTTP client for the services' APIs, used by the {@code dreamloop} command and
 * the main job. Every failure is a {@link ServiceException} that says which call failed and, when
 * the service answered with its error body, the service's own message.
 */
public final class ServiceClient {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Optional<String> apiKey;

    /** A client without credentials (services whose security is off). */
    public ServiceClient() {
        this(Optional.empty());
    }

    /**
     * @param apiKey sent as {@code Authorization: Bearer <key>} on every call when present (an API
     *     key or an OIDC access token)
     */
    public ServiceClient(final Optional<String> apiKey) {
        this.apiKey = apiKey.filter(k -> !k.isBlank());
    }

    /**
     * @throws ServiceException when the service cannot be reached or answers with an error
     */
    public JsonNode getJson(final String url) {
        return parse(check(send(request(url, Duration.ofSeconds(10)).GET())));
    }

    /** The document at {@code url}, or empty on 404. */
    public Optional<JsonNode> find(final String url) {
        final HttpResponse<String> response = send(request(url, Duration.ofSeconds(10)).GET());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        // Health answers 503 with a JSON body while DOWN: still a document.
        if (response.statusCode() != 503) {
            check(response);
        }
        return Optional.of(parse(response));
    }

    /** POSTs {@code body} as JSON and returns the JSON answer, waiting up to 30 s. */
    public JsonNode postJson(final String url, final Object body) {
        return postJson(url, body, Duration.ofSeconds(30));
    }

    /** POSTs {@code body} as JSON and returns the JSON answer, waiting up to {@code timeout}. */
    public JsonNode postJson(final String url, final Object body, final Duration timeout) {
        final String text;
        try {
            text = json.writeValueAsString(body);
        } catch (final IOException e) {
            throw new ServiceException("POST", url, 0, "cannot write the body: " + e.getMessage());
        }
        return postText(url, "application/json", text, timeout);
    }

    /** POSTs a text body of the given media type and returns the JSON answer. */
    public JsonNode postText(
            final String url, final String mediaType, final String body, final Duration timeout) {
        return parse(
                check(
                        send(
                                request(url, timeout)
                                        .header("Content-Type", mediaType)
                                        .POST(HttpRequest.BodyPublishers.ofString(body)))));
    }

    /** POSTs bytes ({@code application/octet-stream}) and returns the JSON answer. */
    public JsonNode postBytes(final String url, final byte[] body) {
        return parse(
                check(
                        send(
                                request(url, Duration.ofMinutes(2))
                                        .header("Content-Type", "application/octet-stream")
                                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)))));
    }

    /**
     * POSTs a {@code multipart/form-data} form and returns the JSON answer.
     *
     * @param fields plain form fields
     * @param files file fields: name -> (file name, content)
     */
    public JsonNode postForm(
            final String url,
            final Map<String, String> fields,
            final Map<String, Map.Entry<String, byte[]>> files) {
        final String boundary = "dreamloop-" + UUID.randomUUID();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach(
                (name, value) ->
                        part(
                                body,
                                boundary,
                                "name=\"%s\"".formatted(name),
                                "text/plain; charset=UTF-8",
                                value.getBytes(StandardCharsets.UTF_8)));
        files.forEach(
                (name, file) ->
                        part(
                                body,
                                boundary,
                                "name=\"%s\"; filename=\"%s\"".formatted(name, file.getKey()),
                                "application/octet-stream",
                                file.getValue()));
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return parse(
                check(
                        send(
                                request(url, Duration.ofMinutes(5))
                                        .header(
                                                "Content-Type",
                                                "multipart/form-data; boundary=" + boundary)
                                        .POST(
                                                HttpRequest.BodyPublishers.ofByteArray(
                                                        body.toByteArray())))));
    }

    /** POSTs without a body and returns the JSON answer. */
    public JsonNode post(final String url) {
        return parse(
                check(
                        send(
                                request(url, Duration.ofSeconds(30))
                                        .POST(HttpRequest.BodyPublishers.noBody()))));
    }

    /** The body at {@code url} as text. */
    public String getText(final String url) {
        return check(send(request(url, Duration.ofMinutes(1)).setHeader("Accept", "*/*").GET()))
                .body();
    }

    private static void part(
            final ByteArrayOutputStream out,
            final String boundary,
            final String disposition,
            final String type,
            final byte[] content) {
        out.writeBytes(
                ("--%s\r\nContent-Disposition: form-data; %s\r\nContent-Type: %s\r\n\r\n"
                                .formatted(boundary, disposition, type))
                        .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(final String url, final Duration timeout) {
        final HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(timeout)
                        .header("Accept", "application/json, text/plain, */*");
        apiKey.ifPresent(k -> b.header("Authorization", "Bearer " + k));
        return b;
    }

    private HttpResponse<String> send(final HttpRequest.Builder builder) {
        final HttpRequest request = builder.build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (final HttpConnectTimeoutException e) {
            throw unreachable(request, e);
        } catch (final HttpTimeoutException e) {
            throw new ServiceException(
                    request.method(),
                    request.uri().toString(),
                    0,
                    "timed out after %s s without an answer: the service is up but busy or the request is large (raise the command's timeout, or send less per request)"
                            .formatted(request.timeout().map(Duration::toSeconds).orElse(0L)));
        } catch (final IOException e) {
            throw unreachable(request, e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException(
                    request.method(), request.uri().toString(), 0, "interrupted");
        }
    }

    private static ServiceException unreachable(final HttpRequest request, final IOException e) {
        return new ServiceException(
                request.method(),
                request.uri().toString(),
                0,
                "cannot reach the service (%s); is it running?"
                        .formatted(
                                e.getMessage() == null
                                        ? e.getClass().getSimpleName()
                                        : e.getClass().getSimpleName() + ": " + e.getMessage()));
    }

    private HttpResponse<String> check(final HttpResponse<String> response) {
        if (response.statusCode() >= 400) {
            throw new ServiceException(
                    response.request().method(),
                    response.request().uri().toString(),
                    response.statusCode(),
                    message(response.body()));
        }
        return response;
    }

    /** The service's own message from its error body ({@code ApiError}), else the body. */
    private String message(final String body) {
        try {
            final JsonNode error = json.readTree(body);
            if (error != null && error.hasNonNull("message")) {
                final StringBuilder out = new StringBuilder(error.get("message").asText());
                for (final JsonNode d : error.path("details")) {
                    out.append(System.lineSeparator()).append("  ").append(d.asText());
                }
                return out.toString();
            }
        } catch (final IOException notJson) {
            // fall through: the body as it is
        }
        return body == null || body.isBlank() ? "(no body)" : body.strip();
    }

    private JsonNode parse(final HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (final IOException e) {
            throw new ServiceException(
                    response.request().method(),
                    response.request().uri().toString(),
                    response.statusCode(),
                    "answer is not JSON: " + e.getMessage());
        }
    }
}
