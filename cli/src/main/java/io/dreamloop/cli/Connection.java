package io.dreamloop.cli;

import io.dreamloop.cli.http.ServiceClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where the services are and the credential to send: options on every command that calls a service,
 * with defaults from the environment so a shell profile sets them once.
 */
public final class Connection {
    @Option(
            names = "--designer",
            paramLabel = "URL",
            defaultValue = "${env:DREAMLOOP_DESIGNER_URL:-http://127.0.0.1:8081}",
            description =
                    "Designer base URL (env DREAMLOOP_DESIGNER_URL; default ${DEFAULT-VALUE}).")
    String designer;

    @Option(
            names = "--predictor",
            paramLabel = "URL",
            defaultValue = "${env:DREAMLOOP_PREDICTOR_URL:-http://127.0.0.1:8082}",
            description =
                    "Predictor base URL (env DREAMLOOP_PREDICTOR_URL; default ${DEFAULT-VALUE}).")
    String predictor;

    @Option(
            names = "--lab-ingest",
            paramLabel = "URL",
            defaultValue = "${env:DREAMLOOP_LAB_INGEST_URL:-http://127.0.0.1:8083}",
            description =
                    "Lab-ingest base URL (env DREAMLOOP_LAB_INGEST_URL; default ${DEFAULT-VALUE}).")
    String labIngest;

    @Option(
            names = "--trainer",
            paramLabel = "URL",
            defaultValue = "${env:DREAMLOOP_TRAINER_URL:-http://127.0.0.1:8084}",
            description = "Trainer base URL (env DREAMLOOP_TRAINER_URL; default ${DEFAULT-VALUE}).")
    String trainer;

    @Option(
            names = "--api-key",
            paramLabel = "KEY",
            defaultValue = "${env:DREAMLOOP_API_KEY}",
            description =
                    "API key or access token sent as 'Authorization: Bearer' when the services require authentication (env DREAMLOOP_API_KEY).")
    String apiKey;

    private ServiceClient client;

    /** The HTTP client, with the credential when one is set. */
    public ServiceClient http() {
        if (client == null) {
            client = new ServiceClient(Optional.ofNullable(apiKey));
        }
        return client;
    }

    /** {@code designer + path}. */
    public String designer(final String path) {
        return join(designer, path);
    }

    /** {@code predictor + path}. */
    public String predictor(final String path) {
        return join(predictor, path);
    }

    /** {@code lab-ingest + path}. */
    public String labIngest(final String path) {
        return join(labIngest, path);
    }

    /** {@code trainer + path}. */
    public String trainer(final String path) {
        return join(trainer, path);
    }

    private static String join(final String base, final String path) {
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    /** Encodes one path segment or query value. */
    public static String encode(final String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
