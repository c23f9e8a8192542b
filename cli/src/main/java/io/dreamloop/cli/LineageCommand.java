package io.dreamloop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.dreamloop.cli.console.Table;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dreamloop lineage}: the life of one sequence across the services: where it was designed
 * and why (designer), where it was measured (trainer's measurements, with run and campaign) and
 * which models learned from it or held it out (trainer's registry).
 */
@Command(
        name = "lineage",
        description =
                "Where a sequence was designed and why, where it was measured, which models trained on it.",
        mixinStandardHelpOptions = true)
final class LineageCommand implements Callable<Integer> {
    @Mixin Connection services;

    @Parameters(
            paramLabel = "SEQUENCE",
            description = "The variable region or the full oligo with its library's adapters.")
    String sequence;

    @Option(
            names = "--contains",
            description =
                    "Measurements of every measured sequence that contains SEQUENCE (default: exact matches only).")
    boolean contains;

    @Option(
            names = "--limit",
            defaultValue = "50",
            description =
                    "With --contains: measurements listed at most (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        final String s = sequence.strip().toUpperCase(Locale.ROOT);
        final JsonNode designed =
                services.http().getJson(services.designer("/sequences/" + Connection.encode(s)));
        final JsonNode trained =
                services.http()
                        .getJson(
                                services.trainer(
                                        "/dataset/sequences/"
                                                + Connection.encode(s)
                                                + (contains
                                                        ? "?contains=true&limit=" + limit
                                                        : "")));
        printDesigned(designed);
        printMeasured(trained);
        printModels(trained);
        return 0;
    }

    /** The designer's members with this sequence: library, subset, method and why. */
    private static void printDesigned(final JsonNode designed) {
        System.out.println("designed:");
        if (designed.isEmpty()) {
            System.out.println("  not designed by this designer");
            return;
        }
        final Table t = new Table("library", "member", "subset", "method", "campaign", "why");
        for (final JsonNode m : designed) {
            t.row(
                    m.path("libraryId").asText(),
                    m.path("memberId").asText(),
                    m.path("subset").asText(),
                    m.path("method").asText(),
                    m.path("campaignId").asText(null),
                    why(m.path("provenance")));
        }
        indent(t);
    }

    /** The trainer's measurements of it, and how many more matched than are listed. */
    private static void printMeasured(final JsonNode trained) {
        System.out.println("measured:");
        if (trained.path("measurements").isEmpty()) {
            System.out.println("  not measured");
            return;
        }
        final Table t =
                new Table(
                        "run",
                        "library",
                        "member",
                        "method",
                        "scale",
                        "value",
                        "campaign",
                        "cycle");
        for (final JsonNode m : trained.path("measurements")) {
            t.row(
                    m.path("runId").asText(),
                    m.path("libraryId").asText(),
                    m.path("memberId").asText(),
                    m.path("method").asText(),
                    m.path("scale").asText(),
                    "%.3f".formatted(m.path("value").asDouble()),
                    m.path("campaignId").asText(null),
                    m.path("cycle").isNumber() ? m.path("cycle").asInt() : null);
        }
        indent(t);
        if (trained.path("unlisted").asLong() > 0) {
            System.out.printf(
                    "  %,d more measurements contain it (raise --limit to list them)%n",
                    trained.path("unlisted").asLong());
        }
    }

    /** The models that trained on it or held it out. */
    private static void printModels(final JsonNode trained) {
        System.out.println("models:");
        if (trained.path("models").isEmpty()) {
            System.out.println("  no model has seen it");
            return;
        }
        final Table t = new Table("version", "role", "run", "champion");
        for (final JsonNode m : trained.path("models")) {
            t.row(
                    m.path("version").asText(),
                    m.path("role").asText(),
                    m.path("trainingRun").asText(),
                    m.path("champion").asBoolean() ? "yes" : "");
        }
        indent(t);
    }

    /** The reason an acquisition gave, else the provenance as stored. */
    private static String why(final JsonNode provenance) {
        if (provenance.isMissingNode()
                || provenance.isNull()
                || (provenance.isContainerNode() && provenance.isEmpty())
                || (provenance.isTextual() && provenance.asText().isBlank())) {
            return null;
        }
        if (provenance.isObject() && provenance.hasNonNull("reason")) {
            return provenance.path("reason").asText();
        }
        final String text = provenance.isTextual() ? provenance.asText() : provenance.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    private static void indent(final Table t) {
        t.lines().forEach(l -> System.out.println("  " + l));
    }
}
