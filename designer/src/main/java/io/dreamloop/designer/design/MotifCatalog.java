package io.dreamloop.designer.design;

import io.dreamloop.contracts.motif.Motif;
import io.dreamloop.contracts.motif.TransfacMotifs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The motifs the motif subsets write, looked up by factor name (case-insensitive, e.g. {@code
 * Reb1}) or accession (e.g. {@code MA0363.3}) in JASPAR files read by {@link TransfacMotifs}.
 *
 * <p>A {@link #site(String) site} is the motif's consensus (the most frequent base per position).
 * The factors follow SPEC.md §4.1, which names them but not their sequences: Reb1 and Hsf1 for
 * motif perturbation, poly-A, Skn7, Mga1, Ume6, Mot3 and Azf1 for motif tiling. The DREAM 2022
 * designers wrote shorter or shifted sites than the JASPAR 2024 consensus (their Ume6 site is the
 * 7-bp core of ours, their Mga1 site a 4-bp core of our reverse complement); a caller that wants
 * their exact sites passes its own {@link MotifSite}s to the generators.
 *
 * <p>A name that several different matrices carry is ambiguous and must be looked up by accession;
 * the same matrix in two files (the selected-yeast file repeats JASPAR entries) counts once.
 *
 * @implNote Immutable and thread-safe.
 */
public final class MotifCatalog {
    /** Factors whose sites {@link MotifPerturbation} mutates in the DREAM 2022 design. */
    public static final List<String> PERTURBATION_FACTORS = List.of("REB1", "HSF1");

    /** Factors tiled by {@link MotifTiling} in the DREAM 2022 design, after poly-A. */
    public static final List<String> TILING_FACTORS =
            List.of("SKN7", "MGA1", "UME6", "MOT3", "AZF1");

    /** Length of the poly-A tract the DREAM 2022 tiling used ({@code AAAAA}). */
    public static final int DREAM_POLY_A_LENGTH = 5;

    private final Map<String, List<Motif>> byName;
    private final Map<String, Motif> byAccession;
    private final String source;

    private MotifCatalog(final List<Motif> motifs, final String source) {
        this.source = source;
        this.byName = new LinkedHashMap<>();
        this.byAccession = new LinkedHashMap<>();
        for (final Motif m : motifs) {
            final Motif known = byAccession.putIfAbsent(key(m.accession()), m);
            if (known != null) {
                if (!known.equals(m)) {
                    throw new IllegalArgumentException(
                            "accession %s has two different matrices in %s"
                                    .formatted(m.accession(), source));
                }
                continue;
            }
            byName.computeIfAbsent(key(m.name()), k -> new ArrayList<>()).add(m);
        }
    }

    /**
     * Reads TRANSFAC-style files (e.g. {@code
     * JASPAR2024_CORE_fungi_non-redundant_pfms_transfac.txt}).
     *
     * @throws java.io.UncheckedIOException when a file cannot be read
     * @throws IllegalArgumentException on a malformed file, naming the file and line
     */
    public static MotifCatalog load(final List<Path> files) {
        Objects.requireNonNull(files, "files");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no motif files given");
        }
        final List<Motif> motifs = new ArrayList<>();
        files.forEach(f -> motifs.addAll(TransfacMotifs.parse(f)));
        return new MotifCatalog(
                motifs, files.stream().map(Path::toString).collect(Collectors.joining(", ")));
    }

    /** A catalog of motifs already read; {@code source} names them in error messages. */
    public static MotifCatalog of(final List<Motif> motifs, final String source) {
        return new MotifCatalog(List.copyOf(motifs), Objects.requireNonNull(source, "source"));
    }

    /**
     * The motif with this factor name or accession.
     *
     * @throws IllegalArgumentException naming the motif and the files when it is not found, or the
     *     accessions to choose from when the name is ambiguous
     */
    public Motif motif(final String nameOrAccession) {
        Objects.requireNonNull(nameOrAccession, "nameOrAccession");
        final Motif byAc = byAccession.get(key(nameOrAccession));
        if (byAc != null) {
            return byAc;
        }
        final List<Motif> named = byName.getOrDefault(key(nameOrAccession), List.of());
        if (named.isEmpty()) {
            throw new IllegalArgumentException(
                    "motif '%s' not found in %s (%d motifs); known names: %s"
                            .formatted(
                                    nameOrAccession,
                                    source,
                                    byAccession.size(),
                                    byName.values().stream()
                                            .map(l -> l.getFirst().name())
                                            .sorted()
                                            .collect(Collectors.joining(", "))));
        }
        if (named.size() > 1) {
            throw new IllegalArgumentException(
                    "motif name '%s' is ambiguous in %s; use an accession: %s"
                            .formatted(
                                    nameOrAccession,
                                    source,
                                    named.stream()
                                            .map(Motif::accession)
                                            .collect(Collectors.joining(", "))));
        }
        return named.getFirst();
    }

    /**
     * The consensus of a motif as a site named after the factor in lower case, e.g. {@code reb1}.
     *
     * @throws IllegalArgumentException as {@link #motif(String)}
     */
    public MotifSite site(final String nameOrAccession) {
        final Motif m = motif(nameOrAccession);
        return MotifSite.of(m.name(), m.consensus());
    }

    /** {@link #site(String)} for each name, in order. */
    public List<MotifSite> sites(final List<String> namesOrAccessions) {
        return namesOrAccessions.stream().map(this::site).toList();
    }

    /** The consensus sites of {@link #PERTURBATION_FACTORS}: Reb1, Hsf1. */
    public List<MotifSite> perturbationSites() {
        return sites(PERTURBATION_FACTORS);
    }

    /**
     * Poly-A ({@value #DREAM_POLY_A_LENGTH} bp), then the consensus sites of {@link
     * #TILING_FACTORS}.
     */
    public List<MotifSite> tilingSites() {
        final List<MotifSite> out = new ArrayList<>();
        out.add(MotifSite.polyA(DREAM_POLY_A_LENGTH));
        out.addAll(sites(TILING_FACTORS));
        return List.copyOf(out);
    }

    private static String key(final String name) {
        return name.strip().toUpperCase(Locale.ROOT);
    }
}
