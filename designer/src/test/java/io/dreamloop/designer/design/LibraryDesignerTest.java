package io.dreamloop.designer.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.contracts.event.DesignOptions;
import io.dreamloop.contracts.event.DesignRequested;
import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.LibraryConstraints;
import io.dreamloop.contracts.event.LibraryMember;
import io.dreamloop.contracts.event.Lineage;
import io.dreamloop.contracts.event.SubsetQuota;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.contracts.sequence.Subset;
import io.dreamloop.designer.constraint.ConstraintCheck;
import io.dreamloop.designer.constraint.UnsatisfiableRequestException;
import io.dreamloop.designer.ga.GaSettings;
import io.dreamloop.designer.ga.SequenceScorer;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A library with every subset from one request: counts, constraints on every member, pairing,
 * predictions and provenance, reproducibility, and the GA moving the objective. Models are two
 * known functions of sequence ("a" = G+C count, "b" = G count), scored in-process.
 */
class LibraryDesignerTest {
    private static final MotifCatalog MOTIFS = SharedData.catalog();

    /** A designer with the shared motifs and the known-fitness models. */
    static LibraryDesigner designer(final int draws) {
        return new LibraryDesigner(
                new LibraryDesigner.Context(
                        draws, () -> MOTIFS, LibraryDesignerTest::scorer, stats -> {}));
    }

    private static SequenceScorer scorer(final List<String> versions) {
        return variables -> {
            final double[][] out = new double[versions.size()][variables.size()];
            for (int m = 0; m < versions.size(); m++) {
                final ToDoubleFunction<DnaSequence> model =
                        "b".equals(versions.get(m)) ? s -> count(s, "G") : s -> count(s, "GC");
                for (int i = 0; i < variables.size(); i++) {
                    out[m][i] = model.applyAsDouble(variables.get(i));
                }
            }
            return out;
        };
    }

    private static double count(final DnaSequence s, final String bases) {
        return s.bases().chars().filter(c -> bases.indexOf(c) >= 0).count();
    }

    private static String promoters() {
        final SplittableRandom random = new SplittableRandom(3);
        final StringBuilder fasta = new StringBuilder();
        for (int p = 0; p < 3; p++) {
            fasta.append(">YP").append(p).append('\n');
            for (int i = 0; i < 400; i++) {
                fasta.append("ACGT".charAt(random.nextInt(4)));
            }
            fasta.append('\n');
        }
        return fasta.toString();
    }

    static DesignRequested everySubset(final long seed, final LibraryConstraints constraints) {
        return new DesignRequested(
                EventTypes.header(DesignRequested.class, Lineage.NONE),
                "lib",
                List.of(
                        new SubsetQuota(Subset.RANDOM, 30),
                        new SubsetQuota(Subset.HIGH, 10),
                        new SubsetQuota(Subset.LOW, 10),
                        new SubsetQuota(Subset.CHALLENGING, 6),
                        new SubsetQuota(Subset.SNV, 5),
                        new SubsetQuota(Subset.MOTIF_PERTURBATION, 6),
                        new SubsetQuota(Subset.MOTIF_TILING, 12),
                        new SubsetQuota(Subset.NATIVE, 4)),
                80,
                Flanks.DREAM_2022,
                constraints,
                seed,
                new DesignOptions("a", "b", "test", null, null, promoters()));
    }

    private static final LibraryConstraints CONSTRAINTS =
            new LibraryConstraints(0.25, 0.75, 7, 3, List.of(DnaSequence.of("GGTCTC")));

    @Test
    void everySubsetMeetsItsCountTheConstraintsAndThePairing() {
        final List<LibraryMember> members = designer(1000).design(everySubset(7, CONSTRAINTS));
        final Map<Subset, Long> bySubset =
                members.stream()
                        .collect(
                                Collectors.groupingBy(
                                        LibraryMember::subset, Collectors.counting()));
        assertThat(bySubset)
                .containsEntry(Subset.RANDOM, 30L)
                .containsEntry(Subset.HIGH, 10L)
                .containsEntry(Subset.LOW, 10L)
                .containsEntry(Subset.CHALLENGING, 6L)
                .containsEntry(Subset.SNV, 10L)
                .containsEntry(Subset.MOTIF_PERTURBATION, 12L)
                .containsEntry(Subset.MOTIF_TILING, 24L)
                .containsEntry(Subset.NATIVE, 4L);
        final ConstraintCheck check = new ConstraintCheck(CONSTRAINTS, Flanks.DREAM_2022);
        for (final LibraryMember m : members) {
            assertThat(check.violation(m.variable())).as(m.id()).isEmpty();
            assertThat(m.predictions()).as(m.id()).containsKey("a");
            assertThat(m.predictions().get("a")).isEqualTo(count(m.variable(), "GC"));
        }
        assertThat(members.stream().map(LibraryMember::id).distinct()).hasSize(members.size());
        final Map<String, List<LibraryMember>> pairs =
                members.stream()
                        .filter(m -> m.subset().paired())
                        .collect(Collectors.groupingBy(LibraryMember::pairId));
        assertThat(pairs).hasSize(5 + 6 + 12);
        pairs.forEach(
                (pair, two) -> {
                    assertThat(two).as(pair).hasSize(2);
                    assertThat(two.get(0).subset()).isEqualTo(two.get(1).subset());
                    assertThat(two.get(0).variable()).isNotEqualTo(two.get(1).variable());
                });
        final Set<DnaSequence> unpaired = new HashSet<>();
        members.stream()
                .filter(m -> !m.subset().paired())
                .forEach(m -> assertThat(unpaired.add(m.variable())).as(m.id()).isTrue());
        members.stream()
                .filter(m -> m.subset() == Subset.HIGH || m.subset() == Subset.CHALLENGING)
                .forEach(
                        m ->
                                assertThat(m.provenance())
                                        .as(m.id())
                                        .containsKeys("seed", "run", "generation"));
    }

    @Test
    void theGaMovesTheObjectiveAwayFromRandom() {
        final List<LibraryMember> members = designer(1000).design(everySubset(7, CONSTRAINTS));
        final double random = mean(members, Subset.RANDOM);
        assertThat(mean(members, Subset.HIGH)).isGreaterThan(random + 8);
        assertThat(mean(members, Subset.LOW)).isLessThan(random - 8);
    }

    @Test
    void theSameSeedGivesTheSameLibraryAndAnotherSeedAnother() {
        final List<LibraryMember> a = designer(1000).design(everySubset(7, CONSTRAINTS));
        final List<LibraryMember> b = designer(1000).design(everySubset(7, CONSTRAINTS));
        final List<LibraryMember> c = designer(1000).design(everySubset(8, CONSTRAINTS));
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void missingOptionsAreNamed() {
        final DesignRequested request = everySubset(7, CONSTRAINTS);
        final DesignRequested noChallenger =
                new DesignRequested(
                        request.header(),
                        "lib",
                        List.of(new SubsetQuota(Subset.CHALLENGING, 4)),
                        80,
                        Flanks.DREAM_2022,
                        CONSTRAINTS,
                        1,
                        new DesignOptions("a", null, "test", null, null, null));
        assertThatThrownBy(() -> designer(1000).design(noChallenger))
                .isInstanceOf(UnsatisfiableRequestException.class)
                .hasMessageContaining("set options.challenger");
        final DesignRequested noPromoters =
                new DesignRequested(
                        request.header(),
                        "lib",
                        List.of(new SubsetQuota(Subset.NATIVE, 4)),
                        80,
                        Flanks.DREAM_2022,
                        CONSTRAINTS,
                        1,
                        null);
        assertThatThrownBy(() -> designer(1000).design(noPromoters))
                .hasMessageContaining("set options.nativePromoters");
        final DesignRequested shortParent =
                new DesignRequested(
                        request.header(),
                        "lib",
                        List.of(new SubsetQuota(Subset.HIGH, 4)),
                        80,
                        Flanks.DREAM_2022,
                        CONSTRAINTS,
                        1,
                        new DesignOptions("a", null, "test", null, null, null)
                                .withStartFrom(List.of(DnaSequence.of("ACGT"))));
        assertThatThrownBy(() -> LibraryDesigner.checkOptions(shortParent))
                .isInstanceOf(UnsatisfiableRequestException.class)
                .hasMessage(
                        "options.startFrom holds a 4-base sequence, but the variable region has 80: ACGT");
    }

    @Test
    void aStartedDesignGetsAPopulationOfTwiceItsRequest() {
        final GaSettings test = GaSettings.cpu().withPopulationSize(200).withGenerations(3);
        final DesignOptions plain = new DesignOptions(null, null, "test", null, null, null);
        final DesignOptions started =
                plain.withEnsemble(List.of("a", "b"), 1.0)
                        .withStartFrom(List.of(DnaSequence.of("A".repeat(80))));
        assertThat(LibraryDesigner.startRoom(test, plain, 300)).isEqualTo(test);
        assertThat(LibraryDesigner.startRoom(test, started, 300).populationSize()).isEqualTo(600);
        assertThat(LibraryDesigner.startRoom(test, started, 50)).isEqualTo(test);
    }

    /** A high subset started from known sequences records its start in each member's provenance. */
    @Test
    void aHighSubsetStartedFromKnownSequencesSaysSo() {
        final DnaSequence parent = DnaSequence.of("GC".repeat(20) + "AT".repeat(20));
        final DesignRequested request =
                new DesignRequested(
                        EventTypes.header(DesignRequested.class, Lineage.NONE),
                        "lib-start",
                        List.of(new SubsetQuota(Subset.HIGH, 6)),
                        80,
                        Flanks.DREAM_2022,
                        CONSTRAINTS,
                        3,
                        new DesignOptions(null, null, "test", null, null, null)
                                .withEnsemble(List.of("a", "b"), 0.5)
                                .withStartFrom(List.of(parent)));
        final List<LibraryMember> members = designer(1000).design(request);
        assertThat(members).hasSize(6);
        assertThat(members)
                .allSatisfy(
                        m ->
                                assertThat(m.provenance())
                                        .containsEntry(
                                                "start", "1 parents, share 0.5, 2 substitutions"));
    }

    /**
     * High and low on an ensemble: every member carries each ensemble model's prediction (and no
     * champion's), and the GA moves the ensemble's mean: up for high, down for low.
     */
    @Test
    void highAndLowOnAnEnsembleCarryEveryModelsPrediction() {
        final DesignRequested request =
                new DesignRequested(
                        EventTypes.header(DesignRequested.class, Lineage.NONE),
                        "lib-ens",
                        List.of(new SubsetQuota(Subset.HIGH, 8), new SubsetQuota(Subset.LOW, 8)),
                        80,
                        Flanks.DREAM_2022,
                        CONSTRAINTS,
                        3,
                        new DesignOptions(null, null, "test", null, null, null)
                                .withEnsemble(List.of("a", "b"), 0.5));
        final List<LibraryMember> members = designer(1000).design(request);
        assertThat(members).hasSize(16);
        assertThat(members).allSatisfy(m -> assertThat(m.predictions()).containsOnlyKeys("a", "b"));
        final double high = ensembleMean(members, Subset.HIGH);
        final double low = ensembleMean(members, Subset.LOW);
        assertThat(high).isGreaterThan(low + 5);
    }

    private static double ensembleMean(final List<LibraryMember> members, final Subset subset) {
        return members.stream()
                .filter(m -> m.subset() == subset)
                .mapToDouble(m -> (m.predictions().get("a") + m.predictions().get("b")) / 2)
                .average()
                .orElseThrow();
    }

    private static double mean(final List<LibraryMember> members, final Subset subset) {
        return members.stream()
                .filter(m -> m.subset() == subset)
                .mapToDouble(m -> count(m.variable(), "GC"))
                .average()
                .orElseThrow();
    }
}
