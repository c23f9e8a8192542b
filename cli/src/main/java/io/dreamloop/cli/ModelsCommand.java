package io.dreamloop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.dreamloop.cli.console.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dreamloop models}: the trainer's model registry. */
@Command(
        name = "models",
        description =
                "Model versions: list (trained here and imported), show, lineage (parents back to the first), import (TorchScript).",
        mixinStandardHelpOptions = true,
        subcommands = {
            ModelsCommand.ListModels.class,
            ModelsCommand.Import.class,
            ModelsCommand.Show.class,
            ModelsCommand.Lineage.class
        })
final class ModelsCommand {

    static Optional<JsonNode> version(final Connection services, final String version) {
        return services.http().find(services.trainer("/models/" + Connection.encode(version)));
    }

    static JsonNode require(final Connection services, final String version) {
        return version(services, version)
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "unknown model version '%s'".formatted(version)));
    }

    /** {@code dreamloop models list}. */
    @Command(
            name = "list",
            description = "Every version, newest first.",
            mixinStandardHelpOptions = true)
    static final class ListModels implements Callable<Integer> {
        @Mixin Connection services;

        @Override
        public Integer call() {
            final Table t =
                    new Table(
                            "version",
                            "architecture",
                            "champion",
                            "held-out r",
                            "Pearson score",
                            "parent",
                            "created");
            final Set<String> trained = new HashSet<>();
            for (final JsonNode m : services.http().getJson(services.trainer("/models"))) {
                trained.add(m.path("version").asText());
                t.row(
                        m.path("version").asText(),
                        m.path("architecture").asText(),
                        m.path("champion").asBoolean() ? "yes" : "",
                        "%.3f".formatted(m.path("validationR").asDouble()),
                        TrainCommand.number(m.path("metrics").path("score.pearson"), "%.3f"),
                        m.path("parentVersion").asText(null),
                        m.path("createdAt").asText());
            }
            // Versions the predictor serves that were not trained here: imports.
            for (final JsonNode m : services.http().getJson(services.predictor("/models"))) {
                if (!trained.contains(m.path("modelVersion").asText())) {
                    t.row(
                            m.path("modelVersion").asText() + " (imported)",
                            m.path("architecture").asText(),
                            m.path("champion").asBoolean() ? "yes" : "",
                            null,
                            null,
                            m.path("parentVersion").asText(null),
                            m.path("publishedAt").asText());
                }
            }
            t.print(System.out);
            return 0;
        }
    }

    /** {@code dreamloop models import}. */
    @Command(
            name = "import",
            description =
                    "Import a TorchScript module traced in PyTorch (input (N, 6, 150) float32, output (N, 18) logits) into the predictor (POST /models/import); by default it becomes the champion.",
            mixinStandardHelpOptions = true)
    static final class Import implements Callable<Integer> {
        @Mixin Connection services;

        @Parameters(paramLabel = "FILE", description = "The TorchScript file (.pt).")
        Path file;

        @Option(names = "--version", required = true, description = "The version it is served as.")
        String version;

        @Option(
                names = "--architecture",
                defaultValue = "dream-cnn",
                description = "dream-cnn, dream-rnn or dream-attn (default ${DEFAULT-VALUE}).")
        String architecture;

        @Option(
                names = "--not-champion",
                description = "Register it without serving it by default.")
        boolean notChampion;

        @Override
        public Integer call() {
            final byte[] module = InputFiles.bytes(file, "FILE");
            final JsonNode answer =
                    services.http()
                            .postBytes(
                                    services.predictor(
                                            "/models/import?version=%s&architecture=%s&champion=%s"
                                                    .formatted(
                                                            Connection.encode(version),
                                                            Connection.encode(architecture),
                                                            !notChampion)),
                                    module);
            System.out.printf(
                    "imported %s (%s, sha256 %s)%s%n",
                    answer.path("modelVersion").asText(),
                    answer.path("architecture").asText(),
                    answer.path("sha256").asText(),
                    !answer.path("registered").asBoolean()
                            ? "; the predictor has not registered it yet (see 'models list')"
                            : notChampion ? "" : "; the predictor serves it as champion");
            return 0;
        }
    }

    /** {@code dreamloop models show}. */
    @Command(
            name = "show",
            description = "One version: training data, recipe and held-out metrics per subset.",
            mixinStandardHelpOptions = true)
    static final class Show implements Callable<Integer> {
        @Mixin Connection services;

        @Parameters(paramLabel = "VERSION", description = "A version, or 'champion'.")
        String version;

        @Override
        public Integer call() {
            final JsonNode m =
                    "champion".equals(version)
                            ? services.http().getJson(services.trainer("/models/champion"))
                            : require(services, version);
            System.out.printf(
                    "%s (%s)%s, trained by run %s, parent %s%n",
                    m.path("version").asText(),
                    m.path("architecture").asText(),
                    m.path("champion").asBoolean() ? ", champion" : "",
                    m.path("trainingRun").asText(),
                    m.path("parentVersion").asText("none"));
            System.out.println("training data: " + m.path("trainingData"));
            final Table t = new Table("metric", "value");
            m.path("metrics")
                    .properties()
                    .forEach(e -> t.row(e.getKey(), TrainCommand.number(e.getValue(), "%.4f")));
            t.print(System.out);
            return 0;
        }
    }

    /** {@code dreamloop models lineage}. */
    @Command(
            name = "lineage",
            description = "A version and its parents, each with what it was trained on.",
            mixinStandardHelpOptions = true)
    static final class Lineage implements Callable<Integer> {
        @Mixin Connection services;

        @Parameters(paramLabel = "VERSION")
        String version;

        @Override
        public Integer call() {
            final List<JsonNode> chain = new ArrayList<>();
            final Set<String> seen = new HashSet<>();
            String next = version;
            while (next != null && seen.add(next)) {
                final JsonNode m =
                        chain.isEmpty()
                                ? require(services, next)
                                : version(services, next).orElse(null);
                if (m == null) {
                    System.out.printf("parent %s is not in this registry%n", next);
                    break;
                }
                chain.add(m);
                next = m.path("parentVersion").asText(null);
            }
            final Table t =
                    new Table(
                            "generation",
                            "version",
                            "run",
                            "training rows",
                            "held-out r",
                            "created");
            for (int i = 0; i < chain.size(); i++) {
                final JsonNode m = chain.get(i);
                t.row(
                        -i,
                        m.path("version").asText(),
                        m.path("trainingRun").asText(),
                        m.path("trainingData").path("trainingRows").asText("-"),
                        "%.3f".formatted(m.path("validationR").asDouble()),
                        m.path("createdAt").asText());
            }
            t.print(System.out);
            return 0;
        }
    }
}
