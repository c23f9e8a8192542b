package io.dreamloop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.dreamloop.cli.console.ProgressBar;
import io.dreamloop.cli.console.Table;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dreamloop score}: predicted expression of sequences from a file. */
@Command(
        name = "score",
        description =
                "Score sequences from a FASTA or TSV file with the predictor (POST /score); exit 1 when any sequence could not be scored.",
        mixinStandardHelpOptions = true)
final class ScoreCommand implements Callable<Integer> {
    @Mixin Connection services;

    @Option(
            names = {"-i", "--input"},
            required = true,
            paramLabel = "FILE",
            description =
                    "FASTA, TSV with a 'sequence' or 'oligo' column (and 'id'), or one sequence per line (DREAM format too). Full oligos with adapters, as measured.")
    Path input;

    @Option(names = "--model", description = "Model version (default: the champion).")
    String model;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "FILE",
            description =
                    "Write id, sequence, prediction, forward, reverse, error, input (what was done to the sequence) and warning as TSV.")
    Path out;

    @Option(
            names = "--batch-size",
            defaultValue = "500",
            description = "Sequences per request (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(
            names = "--add-adapters",
            description =
                    "Wrap each sequence that carries neither DREAM adapter (a bare 80-bp variable region) in the adapters before scoring.")
    boolean addAdapters;

    @Option(
            names = "--timeout-seconds",
            defaultValue = "600",
            description =
                    "How long to wait for one batch's answer (default ${DEFAULT-VALUE}); a busy predictor on a CPU scores about 100 sequences a second.")
    int timeoutSeconds;

    @Override
    public Integer call() throws IOException {
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be at least 1");
        }
        final Map<String, String> sequences = SequenceInput.read(input);
        final List<Map<String, String>> batches = SequenceInput.batches(sequences, batchSize);
        final ProgressBar bar = ProgressBar.onStdout();
        final Answers answers = new Answers();
        bar.update(0, "scoring %,d sequences".formatted(sequences.size()));
        for (final Map<String, String> batch : batches) {
            final int done = answers.count();
            bar.update(
                    done / (double) sequences.size(),
                    "%,d of %,d scored; waiting for the next %,d (up to %d s)"
                            .formatted(done, sequences.size(), batch.size(), timeoutSeconds));
            answers.add(batch, score(batch));
            final int answered = answers.count();
            bar.update(
                    answered / (double) sequences.size(),
                    "%,d of %,d scored by %s"
                            .formatted(answered, sequences.size(), answers.version));
        }
        bar.done();
        if (out != null) {
            DesignCommand.MemberFiles.write(out, answers.tsv.toString());
        } else {
            System.out.print(answers.tsv);
        }
        summarize(answers, sequences.size());
        return 0;
    }

    /** The predictor's answer to one batch. */
    private JsonNode score(final Map<String, String> batch) {
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("sequences", batch);
        if (model != null) {
            body.put("modelVersion", model);
        }
        if (addAdapters) {
            body.put("addAdapters", true);
        }
        return services.http()
                .postJson(services.predictor("/score"), body, Duration.ofSeconds(timeoutSeconds));
    }

    /**
     * Prints the summary table and the first warnings and errors.
     *
     * @throws IllegalStateException when any sequence could not be scored
     */
    private void summarize(final Answers answers, final int sequences) {
        new Table("model", "sequences", "scored", "errors", "mean prediction")
                .row(
                        answers.version,
                        sequences,
                        answers.scored,
                        answers.errors.size(),
                        answers.scored == 0 ? null : "%.3f".formatted(answers.sum / answers.scored))
                .print(out == null ? System.err : System.out);
        if (!answers.warnings.isEmpty()) {
            System.err.printf(
                    "warning: %,d of %,d sequences were scored with a warning (the warning column says why), e.g.%n",
                    answers.warnings.size(), sequences);
            answers.warnings.entrySet().stream()
                    .limit(3)
                    .forEach(e -> System.err.printf("  %s: %s%n", e.getKey(), e.getValue()));
        }
        if (!answers.errors.isEmpty()) {
            answers.errors.entrySet().stream()
                    .limit(5)
                    .forEach(e -> System.err.printf("  %s: %s%n", e.getKey(), e.getValue()));
            throw new IllegalStateException(
                    "%,d of %,d sequences could not be scored (the error column says why)"
                            .formatted(answers.errors.size(), sequences));
        }
    }

    /** The predictor's answers so far: the output TSV and what the summary counts. */
    private static final class Answers {
        final StringBuilder tsv =
                new StringBuilder(
                        "id\tsequence\tprediction\tforward\treverse\terror\tinput\twarning\n");
        final Map<String, String> warnings = new LinkedHashMap<>();
        final Map<String, String> errors = new LinkedHashMap<>();
        String version;
        double sum;
        int scored;

        /** Sequences answered, scored or not. */
        int count() {
            return scored + errors.size();
        }

        /** Adds one TSV row per prediction of a batch's answer. */
        void add(final Map<String, String> batch, final JsonNode answer) {
            version = answer.path("modelVersion").asText();
            for (final JsonNode p : answer.path("predictions")) {
                final String id = p.path("id").asText();
                tsv.append(id).append('\t').append(batch.get(id)).append('\t');
                if (p.hasNonNull("error")) {
                    errors.put(id, p.path("error").asText());
                    tsv.append("\t\t\t").append(p.path("error").asText()).append("\t\t\n");
                } else {
                    scored++;
                    sum += p.path("prediction").asDouble();
                    if (p.hasNonNull("warning")) {
                        warnings.put(id, p.path("warning").asText());
                    }
                    tsv.append(p.path("prediction").asText())
                            .append('\t')
                            .append(p.path("forward").asText())
                            .append('\t')
                            .append(p.path("reverse").asText())
                            .append("\t\t")
                            .append(p.path("input").asText())
                            .append('\t')
                            .append(p.path("warning").asText(""))
                            .append('\n');
                }
            }
        }
    }
}
