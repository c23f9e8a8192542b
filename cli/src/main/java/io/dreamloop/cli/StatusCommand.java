package io.dreamloop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.dreamloop.cli.console.Table;
import io.dreamloop.cli.http.ServiceException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code dreamloop status}: readiness of the four services; exit 1 when one is not ready. */
@Command(
        name = "status",
        description =
                "Readiness of the four services (broker, database, consumers); exit 1 when one is not ready.",
        mixinStandardHelpOptions = true)
final class StatusCommand implements Callable<Integer> {
    @Mixin Connection services;

    @Override
    public Integer call() {
        final Map<String, String> urls = new LinkedHashMap<>();
        urls.put("designer", services.designer(""));
        urls.put("predictor", services.predictor(""));
        urls.put("lab-ingest", services.labIngest(""));
        urls.put("trainer", services.trainer(""));
        final Table t = new Table("service", "url", "status", "checks down");
        boolean allUp = true;
        for (final Map.Entry<String, String> e : urls.entrySet()) {
            String status;
            final StringBuilder down = new StringBuilder();
            try {
                final JsonNode health =
                        services.http().find(e.getValue() + "/q/health/ready").orElseThrow();
                status = health.path("status").asText();
                for (final JsonNode check : health.path("checks")) {
                    if (!"UP".equals(check.path("status").asText())) {
                        down.append(down.isEmpty() ? "" : ", ").append(check.path("name").asText());
                    }
                }
            } catch (final ServiceException | NoSuchElementException ex) {
                status = "unreachable";
            }
            allUp &= "UP".equals(status);
            t.row(e.getKey(), e.getValue(), status, down.isEmpty() ? null : down.toString());
        }
        t.print(System.out);
        return allUp ? 0 : 1;
    }
}
