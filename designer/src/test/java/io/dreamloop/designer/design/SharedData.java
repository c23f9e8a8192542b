package io.dreamloop.designer.design;

import static org.assertj.core.api.Assertions.assertThat;

import io.dreamloop.contracts.event.LibraryConstraints;
import io.dreamloop.contracts.event.LibraryMember;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.contracts.sequence.Subset;
import io.dreamloop.designer.constraint.ConstraintCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Test fixtures: the shared data next to the repository root (read in place, never copied), and
 * constraints and random sequences used across the generator tests.
 */
final class SharedData {
    /** GC 30-70 %, no run over 6, no EcoRI or BsaI site: strict enough to reject some variants. */
    static final LibraryConstraints STRICT =
            new LibraryConstraints(
                    0.30, 0.70, 6, 0, List.of(DnaSequence.of("GAATTC"), DnaSequence.of("GGTCTC")));

    private SharedData() {}

    static Path data() {
        return Path.of(System.getProperty("dreamloop.root", ".."), "..", "shared", "data");
    }

    static List<Path> jasparFiles() {
        return List.of(
                data().resolve("jaspar/JASPAR2024_CORE_fungi_non-redundant_pfms_transfac.txt"),
                data().resolve("jaspar/derived_yeast_selected_TFs_transfac.txt"));
    }

    static MotifCatalog catalog() {
        return MotifCatalog.load(jasparFiles());
    }

    /** One row of a DREAM 2022 pair file: tags and the variable regions of alt and ref. */
    record DreamPair(String altTag, String refTag, DnaSequence alt, DnaSequence ref) {}

    /** The pairs of {@code test_subsets/<file>}, variable regions cut from between the flanks. */
    static List<DreamPair> dreamPairs(final String file) {
        final List<String> lines;
        try {
            lines = Files.readAllLines(data().resolve("dream2022/test_subsets").resolve(file));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        final List<String> header = List.of(lines.getFirst().split(",", -1));
        final Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            column.put(header.get(i), i);
        }
        final List<DreamPair> pairs = new ArrayList<>();
        for (final String line : lines.subList(1, lines.size())) {
            final String[] f = line.split(",", -1);
            pairs.add(
                    new DreamPair(
                            f[column.get("alt_tag")],
                            f[column.get("ref_tag")],
                            variable(f[column.get("alt_sequence")]),
                            variable(f[column.get("ref_sequence")])));
        }
        return pairs;
    }

    /** The 80-bp variable region of a 110-bp DREAM oligo. */
    static DnaSequence variable(final String oligo) {
        final String up = Flanks.DREAM_2022.upstream().bases();
        final String down = Flanks.DREAM_2022.downstream().bases();
        if (!oligo.startsWith(up) || !oligo.endsWith(down)) {
            throw new IllegalArgumentException("not a DREAM oligo: " + oligo);
        }
        return DnaSequence.of(oligo.substring(up.length(), oligo.length() - down.length()));
    }

    static String randomBases(final RandomGenerator random, final int length) {
        final char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = "ACGT".charAt(random.nextInt(4));
        }
        return new String(out);
    }

    /**
     * Asserts the pair layout every paired generator promises: alt then ref, ids {@code
     * <prefix>-<subset>-<n>-alt/-ref} with the shared pair id, every member within the constraints,
     * alts distinct from each other, from every ref and from {@code avoid}, refs not in {@code
     * avoid}.
     */
    static void assertWellFormedPairs(
            final List<LibraryMember> members,
            final Subset subset,
            final String prefix,
            final Set<DnaSequence> avoid,
            final LibraryConstraints constraints) {
        assertThat(members.size() % 2).isZero();
        final ConstraintCheck check = new ConstraintCheck(constraints, Flanks.DREAM_2022);
        final Set<DnaSequence> alts = new HashSet<>();
        final Set<DnaSequence> refs = new HashSet<>();
        for (int i = 0; i < members.size() / 2; i++) {
            final LibraryMember alt = members.get(2 * i);
            final LibraryMember ref = members.get(2 * i + 1);
            final String pairId = "%s-%s-%06d".formatted(prefix, subset.wireName(), i);
            assertThat(alt.id()).isEqualTo(pairId + "-alt");
            assertThat(ref.id()).isEqualTo(pairId + "-ref");
            assertThat(alt.pairId()).isEqualTo(pairId);
            assertThat(ref.pairId()).isEqualTo(pairId);
            assertThat(alt.subset()).isEqualTo(subset);
            assertThat(ref.subset()).isEqualTo(subset);
            assertThat(check.violation(alt.variable())).as(alt.id()).isEmpty();
            assertThat(check.violation(ref.variable())).as(ref.id()).isEmpty();
            assertThat(alts.add(alt.variable())).as("alt %s is new", alt.id()).isTrue();
            refs.add(ref.variable());
        }
        assertThat(alts).doesNotContainAnyElementsOf(refs);
        for (final DnaSequence old : avoid) {
            assertThat(alts).doesNotContain(old);
            assertThat(refs).doesNotContain(old);
        }
    }
}
