package io.dreamloop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.dreamloop.cli.console.ProgressBar;
import io.dreamloop.cli.console.Table;
import io.dreamloop.contracts.event.LibraryConstraints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dreamloop design}: requests a library, waits for it and writes its members to a file. */
@Command(
        name = "design",
        description = "Design a library (POST /libraries), wait for it and write its members.",
        mixinStandardHelpOptions = true)
final class DesignCommand implements Callable<Integer> {
    @Mixin Connection services;

    @Option(
            names = {"-n", "--count"},
            paramLabel = "SUBSET=N",
            required = true,
            description =
                    "Members of a subset, repeatable: random, high, low, challenging, snv, motif-perturbation, motif-tiling, native.")
    Map<String, Integer> counts = new LinkedHashMap<>();

    @Option(names = "--seed", required = true, description = "Seed of every random choice.")
    long seed;

    @Option(names = "--id", description = "Library id (generated when absent).")
    String libraryId;

    @Option(
            names = "--ga-preset",
            description = "GA preset for model-guided subsets: vaishnav, cpu or test.")
    String gaPreset;

    @Option(names = "--model", description = "Model version the GA optimizes (default champion).")
    String model;

    @Option(names = "--challenger", description = "Model B of the challenging design.")
    String challenger;

    @Option(
            names = "--native-promoters",
            paramLabel = "FASTA",
            description = "Promoter sequences (FASTA) the native subset's fragments are cut from.")
    Path nativePromoters;

    @Option(names = "--population", description = "Overrides the preset's population size.")
    Integer population;

    @Option(names = "--generations", description = "Overrides the preset's generations.")
    Integer generations;

    @Option(names = "--variable-length", description = "Variable-region length (default 80).")
    Integer variableLength;

    @Option(names = "--min-gc", description = "Lowest GC fraction of the variable region.")
    Double minGc;

    @Option(names = "--max-gc", description = "Highest GC fraction of the variable region.")
    Double maxGc;

    @Option(names = "--max-homopolymer", description = "Longest run of one base.")
    Integer maxHomopolymer;

    @Option(
            names = "--min-hamming",
            description = "Smallest Hamming distance between two unpaired members.")
    Integer minHamming;

    @Option(
            names = "--forbid",
            paramLabel = "SITE",
            split = ",",
            description = "Sites (e.g. restriction sites) that may not occur, comma-separated.")
    List<String> forbiddenSites = new ArrayList<>();

    @Option(
            names = {"-o", "--out"},
            paramLabel = "FILE",
            description = "Write the members here (.fasta/.fa: FASTA, else TSV).")
    Path out;

    @Option(names = "--no-wait", description = "Return once the request is accepted.")
    boolean noWait;

    @Option(
            names = "--timeout-minutes",
            defaultValue = "120",
            description = "Give up waiting after this long (default ${DEFAULT-VALUE}).")
    int timeoutMinutes;

    @Override
    public Integer call() throws IOException {
        final JsonNode accepted =
                services.http().postJson(services.designer("/libraries"), request());
        final String id = accepted.path("libraryId").asText();
        System.out.printf(
                "library %s: %,d sequences requested%n", id, accepted.path("sequences").asInt());
        if (noWait) {
            return 0;
        }
        final JsonNode library = awaitLibrary(id);
        if (!"designed".equals(library.path("status").asText())) {
            throw new IllegalStateException(
                    "library %s failed: %s".formatted(id, library.path("failure").asText()));
        }
        final Table table = new Table("subset", "members");
        library.path("membersBySubset")
                .properties()
                .forEach(e -> table.row(e.getKey(), e.getValue().asLong()));
        table.row("total", library.path("totalMembers").asLong());
        table.print(System.out);
        if (out != null) {
            final String format = MemberFiles.isFasta(out) ? "fasta" : "tsv";
            final String members =
                    services.http()
                            .getText(
                                    services.designer(
                                            "/libraries/%s/members?format=%s"
                                                    .formatted(Connection.encode(id), format)));
            MemberFiles.write(out, members);
            System.out.printf("wrote %s (%s)%n", out, format);
        }
        return 0;
    }

    /** The design request from the options; unset options are left out for the designer's own. */
    private Map<String, Object> request() {
        final Map<String, Object> body = new LinkedHashMap<>();
        if (libraryId != null) {
            body.put("libraryId", libraryId);
        }
        body.put("quotas", counts);
        body.put("seed", seed);
        if (variableLength != null) {
            body.put("variableLength", variableLength);
        }
        final Map<String, Object> constraints = constraints();
        if (!constraints.isEmpty()) {
            body.put("constraints", constraints);
        }
        final Map<String, Object> options = options();
        if (!options.isEmpty()) {
            body.put("options", options);
        }
        return body;
    }

    /** The GA options that were set, with the native promoters read from their file. */
    private Map<String, Object> options() {
        final Map<String, Object> options = new LinkedHashMap<>();
        put(options, "gaPreset", gaPreset);
        put(options, "model", model);
        put(options, "challenger", challenger);
        put(options, "population", population);
        put(options, "generations", generations);
        if (nativePromoters != null) {
            options.put("nativePromoters", InputFiles.text(nativePromoters, "--native-promoters"));
        }
        return options;
    }

    /** Polls the library once a second, with a progress line, until it is designed or failed. */
    private JsonNode awaitLibrary(final String id) {
        final ProgressBar bar = ProgressBar.onStdout();
        final long t0 = System.nanoTime();
        final JsonNode library =
                Poll.until(
                        "library " + id,
                        () ->
                                services.http()
                                        .find(
                                                services.designer(
                                                        "/libraries/" + Connection.encode(id))),
                        l -> true,
                        l ->
                                bar.update(
                                        Double.NaN,
                                        "designing %s ... %d s"
                                                .formatted(
                                                        id,
                                                        (System.nanoTime() - t0) / 1_000_000_000L)),
                        Duration.ofSeconds(1),
                        Duration.ofMinutes(timeoutMinutes));
        bar.done();
        return library;
    }

    private Map<String, Object> constraints() {
        final Map<String, Object> c = new LinkedHashMap<>();
        if (minGc == null
                && maxGc == null
                && maxHomopolymer == null
                && minHamming == null
                && forbiddenSites.isEmpty()) {
            return c;
        }
        // A constraints object is complete or absent: unset bounds get the permissive values.
        final LibraryConstraints none = LibraryConstraints.NONE;
        c.put("minGc", minGc == null ? none.minGc() : minGc);
        c.put("maxGc", maxGc == null ? none.maxGc() : maxGc);
        c.put("maxHomopolymer", maxHomopolymer == null ? none.maxHomopolymer() : maxHomopolymer);
        c.put("minHammingDistance", minHamming == null ? none.minHammingDistance() : minHamming);
        c.put("forbiddenSites", forbiddenSites);
        return c;
    }

    private static void put(final Map<String, Object> map, final String key, final Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** Files of members as the designer serves them. */
    static final class MemberFiles {
        private MemberFiles() {}

        static boolean isFasta(final Path file) {
            final String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.endsWith(".fasta") || name.endsWith(".fa") || name.endsWith(".fna");
        }

        static void write(final Path file, final String content) throws IOException {
            final Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, content);
        }
    }
}
