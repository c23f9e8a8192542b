package io.dreamloop.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.Precision;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The project's PyTorch reference ({@code bench/src/main/python/dreamloop_reference}), run as a
 * child process beside the Java models: the same architectures, encoding, targets, loss and recipe,
 * written in idiomatic PyTorch. It prints one JSON object per line on standard output; its log goes
 * to this process's standard error.
 *
 * <p>The interpreter is {@code DREAMLOOP_TORCH_PYTHON}, or else {@code .run/torch-venv/bin/python}
 * that {@code deploy/torch-venv.sh} makes from the CPU wheel in {@code /opt/wheels}.
 */
final class TorchReference {
    /** How to get the reference when it is missing. */
    static final String HOW_TO_GET =
            "run deploy/torch-venv.sh (installs the PyTorch CPU wheel of /opt/wheels offline into"
                    + " .run/torch-venv), or set DREAMLOOP_TORCH_PYTHON to a python with torch";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SOURCES = Path.of("bench/src/main/python");

    private final Path python;

    private TorchReference(final Path python) {
        this.python = python;
    }

    /** The reference, when a python that imports torch is found; else why not. */
    static Optional<TorchReference> find(final Consumer<String> whyNot) {
        final Path python =
                Optional.ofNullable(System.getenv("DREAMLOOP_TORCH_PYTHON"))
                        .map(Path::of)
                        .orElse(Path.of(".run/torch-venv/bin/python"));
        if (!Files.isExecutable(python)) {
            whyNot.accept("no PyTorch reference: %s not found; %s".formatted(python, HOW_TO_GET));
            return Optional.empty();
        }
        try {
            final Process check =
                    new ProcessBuilder(python.toString(), "-c", "import torch")
                            .redirectErrorStream(true)
                            .start();
            final String said = new String(check.getInputStream().readAllBytes(), UTF_8).strip();
            if (check.waitFor() != 0) {
                whyNot.accept(
                        "no PyTorch reference: %s cannot import torch (%s); %s"
                                .formatted(python, said, HOW_TO_GET));
                return Optional.empty();
            }
        } catch (final IOException e) {
            whyNot.accept("no PyTorch reference: %s: %s; %s".formatted(python, e, HOW_TO_GET));
            return Optional.empty();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return Optional.of(new TorchReference(python));
    }

    /**
     * Runs one command of the reference's command line and returns its JSON lines, handing each to
     * {@code onLine} as it arrives.
     *
     * @throws IllegalStateException when it exits non-zero or prints a line that is not JSON
     */
    List<JsonNode> run(final List<String> arguments, final Consumer<JsonNode> onLine) {
        final List<String> command = new ArrayList<>(List.of(python.toString(), "-m"));
        command.add("dreamloop_reference");
        command.addAll(arguments);
        final ProcessBuilder builder =
                new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("PYTHONPATH", SOURCES.toAbsolutePath().toString());
        builder.environment().put("PYTHONUNBUFFERED", "1");
        final List<JsonNode> lines = new ArrayList<>();
        try {
            final Process process = builder.start();
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    final JsonNode node = parse(line);
                    lines.add(node);
                    onLine.accept(node);
                }
            }
            final int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException(
                        "the PyTorch reference exited with %d: %s".formatted(exit, command));
            }
            return lines;
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot run the PyTorch reference " + command, e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the PyTorch reference ran", e);
        }
    }

    /** What {@link #timings} times: the reference's command and the rate it prints. */
    enum Timed {
        /** Forward passes in evaluation mode, logits read back. */
        INFERENCE("infer", "sequences_per_s"),
        /** Forward, KL loss, backward and an AdamW step, the loss read back. */
        TRAINING("train-step", "examples_per_s");

        private final String command;
        private final String rateField;

        Timed(final String command, final String rateField) {
            this.command = command;
            this.rateField = rateField;
        }
    }

    /**
     * What one timing command runs: an architecture at a size, per batch, with the engine's
     * threads, for at least {@code minSeconds} per batch, on inputs and weights of {@code seed}.
     *
     * @param config the Java configuration record as JSON ({@link ParityCounts#configJson})
     */
    record Run(
            Architecture architecture,
            String config,
            List<Integer> batches,
            int threads,
            double minSeconds,
            long seed) {}

    /**
     * Rows per second and peak memory of the reference per batch size, on random one-hot inputs
     * ({@code throughput.py}, timed as {@link ArchitectureTiming} times ours).
     *
     * @param precision what inference runs in (weights and inputs cast); training is float32
     */
    Map<Integer, ArchitectureTiming.Timing> timings(
            final Timed timed, final Run job, final Precision precision) {
        final List<String> arguments = new ArrayList<>();
        if (timed == Timed.INFERENCE) {
            arguments.addAll(List.of("--precision", precision.wireName()));
        }
        return timings(timed, job, arguments);
    }

    /**
     * Rows per second and peak memory of the reference's model traced to TorchScript ({@code
     * torch.jit.trace}, float32, eval mode), per batch size; the traced module is saved to {@code
     * trace} for another engine to load.
     */
    Map<Integer, ArchitectureTiming.Timing> tracedTimings(final Run job, final Path trace) {
        return timings(
                Timed.INFERENCE,
                job,
                new ArrayList<>(List.of("--trace", trace.toAbsolutePath().toString())));
    }

    private Map<Integer, ArchitectureTiming.Timing> timings(
            final Timed timed, final Run job, final List<String> arguments) {
        arguments.addAll(
                0,
                List.of(
                        timed.command,
                        "--architecture",
                        job.architecture().wireName(),
                        "--config",
                        job.config(),
                        "--batch-sizes",
                        String.join(",", job.batches().stream().map(String::valueOf).toList()),
                        "--threads",
                        Integer.toString(job.threads()),
                        "--min-seconds",
                        Double.toString(job.minSeconds()),
                        "--seed",
                        Long.toString(job.seed())));
        final Map<Integer, ArchitectureTiming.Timing> out = new LinkedHashMap<>();
        for (final JsonNode line : run(arguments, l -> {})) {
            if (timed.command.equals(line.path("event").asText())) {
                out.put(
                        line.get("batch").asInt(),
                        new ArchitectureTiming.Timing(
                                number(line, timed.rateField),
                                number(line, "peak_mib"),
                                number(line, "before_mib")));
            }
        }
        return out;
    }

    /** The last line of an event, e.g. {@code done}. */
    static JsonNode last(final List<JsonNode> lines, final String event) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (event.equals(lines.get(i).path("event").asText())) {
                return lines.get(i);
            }
        }
        throw new IllegalStateException(
                "the PyTorch reference printed no '%s' line".formatted(event));
    }

    /** A number of a line; NaN when absent or null (the reference writes NaN as null). */
    static double number(final JsonNode line, final String field) {
        final JsonNode value = line.path(field);
        return value.isNumber() ? value.asDouble() : Double.NaN;
    }

    private static JsonNode parse(final String line) {
        try {
            return JSON.readTree(line);
        } catch (final IOException e) {
            throw new IllegalStateException(
                    "the PyTorch reference printed a line that is not JSON: " + line, e);
        }
    }
}
