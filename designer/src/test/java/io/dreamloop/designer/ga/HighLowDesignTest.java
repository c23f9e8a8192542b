package io.dreamloop.designer.ga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.contracts.event.LibraryConstraints;
import io.dreamloop.contracts.event.LibraryMember;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.contracts.sequence.Subset;
import io.dreamloop.designer.DesignerRelease;
import io.dreamloop.designer.constraint.UnsatisfiableRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HighLowDesignTest {
    private static final GaSettings SMALL = new GaSettings(400, 10, 0.1, 0.1, 0.025, 3, 1);
    private static final LibraryConstraints STRICT =
            new LibraryConstraints(0.35, 0.60, 5, 5, List.of(DnaSequence.of("GAATTC")));

    private static HighLowDesign gcDesign(
            final SequenceScorer scorer,
            final LibraryConstraints constraints,
            final GaSettings settings) {
        return new HighLowDesign(
                scorer, List.of("gc"), "gc", DesignSpace.dream2022(constraints), settings);
    }

    private static List<GenerationStats> run(final Direction direction) {
        final List<GenerationStats> stats = new ArrayList<>();
        gcDesign(ToyScorers.recording(ToyScorers::gcCount), LibraryConstraints.NONE, SMALL)
                .design(direction, 20, 7, Set.of(), stats::add);
        return stats;
    }

    @Test
    void highPushesThePredictionUpFromTheRandomStart() {
        final List<GenerationStats> stats = run(Direction.HIGH);
        assertThat(stats).hasSize(11);
        final GenerationStats start = stats.getFirst();
        final GenerationStats end = stats.getLast();
        assertThat(start.mean()).isBetween(37.0, 43.0); // 80 bases, GC 1/2
        assertThat(end.mean()).isGreaterThan(start.mean() + 10);
        assertThat(end.topDecile()).isGreaterThan(end.mean());
        assertThat(stats).extracting(GenerationStats::method).containsOnly("ga.vaishnav.high");
    }

    @Test
    void lowPushesThePredictionDown() {
        final List<GenerationStats> stats = run(Direction.LOW);
        assertThat(stats.getLast().mean()).isLessThan(stats.getFirst().mean() - 10);
        assertThat(stats.getLast().topDecile()).isLessThan(stats.getLast().mean());
    }

    @Test
    void outputsAreTheBestDistinctSequencesWithProvenance() {
        final List<DesignedSequence> high =
                gcDesign(ToyScorers.recording(ToyScorers::gcCount), LibraryConstraints.NONE, SMALL)
                        .design(Direction.HIGH, 25, 11);
        assertThat(high).hasSize(25);
        assertThat(high).extracting(DesignedSequence::variable).doesNotHaveDuplicates();
        final List<Double> predictions = high.stream().map(d -> d.predictions().get("gc")).toList();
        assertThat(predictions).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(predictions.getLast()).isGreaterThan(55.0);
        for (final DesignedSequence d : high) {
            assertThat(d.predictions().get("gc")).isEqualTo(ToyScorers.gcCount(d.variable()));
            assertThat(d.method()).isEqualTo("ga.vaishnav.high");
            assertThat(d.subset()).isEqualTo(Subset.HIGH);
            assertThat(d.run()).isZero();
            assertThat(d.generation()).isBetween(1L, 10L);
            assertThat(d.provenance().seed()).isEqualTo(11);
            assertThat(d.provenance().designer()).isEqualTo(DesignerRelease.NAME);
            assertThat(d.provenance().modelVersion()).isEqualTo("gc");
            assertThat(d.provenance().settings())
                    .containsEntry("populationSize", "400")
                    .containsEntry("generations", "10")
                    .containsEntry("substitutionRate", "0.025")
                    .containsEntry("method", "ga.vaishnav.high");
        }
        final List<LibraryMember> members = DesignedSequence.toMembers("lib", high);
        assertThat(members.getFirst().id()).isEqualTo("lib-high-000000");
        assertThat(members.getLast().id()).isEqualTo("lib-high-000024");
        assertThat(members.getFirst().predictions()).isEqualTo(high.getFirst().predictions());
    }

    @Test
    void aStartFromAGoodParentDesignsBeyondARandomStartAndRecordsIt() {
        // A near-optimum parent (GC 70 of 80): its mutants give the GA a head start that ten
        // generations from random oligos do not make up.
        final DnaSequence parent = DnaSequence.of("GC".repeat(35) + "A".repeat(10));
        final HighLowDesign design =
                gcDesign(ToyScorers.recording(ToyScorers::gcCount), LibraryConstraints.NONE, SMALL);
        final List<DesignedSequence> fromRandom =
                design.design(Direction.HIGH, 20, 5, Set.of(parent), GaStart.RANDOM, s -> {});
        final List<DesignedSequence> fromParent =
                design.design(
                        Direction.HIGH,
                        20,
                        5,
                        Set.of(parent),
                        GaStart.fromBest(List.of(parent), 2),
                        s -> {});
        final double random = fromRandom.getLast().predictions().get("gc");
        assertThat(fromParent).extracting(DesignedSequence::variable).doesNotContain(parent);
        assertThat(fromParent.getLast().predictions().get("gc")).isGreaterThan(random + 5);
        assertThat(fromParent.getFirst().provenance().settings())
                .containsEntry("start", "1 parents, share 0.5, 2 substitutions");
        assertThat(fromRandom.getFirst().provenance().settings()).containsEntry("start", "random");
        assertThatThrownBy(
                        () ->
                                design.design(
                                        Direction.HIGH,
                                        20,
                                        5,
                                        Set.of(),
                                        GaStart.fromBest(List.of(DnaSequence.of("GC")), 1),
                                        s -> {}))
                .hasMessageContaining("has 2 bases but the design space 80");
    }

    @Test
    void runsAfterAStartThatConvergesOnItsParentsExploreFromRandomOligos() {
        // A campaign's case: 300 asked of the test preset (3 generations; the designer gives a
        // started design a population of twice the request) started from 60 high-GC parents.
        // Their copies take over the run that starts from them, so later runs start random and
        // fill the request.
        final java.util.SplittableRandom random = new java.util.SplittableRandom(8);
        final List<DnaSequence> parents = new ArrayList<>();
        while (parents.size() < 60) {
            final StringBuilder b = new StringBuilder();
            for (int i = 0; i < 80; i++) {
                b.append(random.nextInt(10) < 8 ? "GC".charAt(random.nextInt(2)) : 'A');
            }
            parents.add(DnaSequence.of(b.toString()));
        }
        final GaSettings test = new GaSettings(600, 3, 0.1, 0.1, 0.025, 3, 5);
        final List<DesignedSequence> designed =
                gcDesign(ToyScorers.recording(ToyScorers::gcCount), LibraryConstraints.NONE, test)
                        .design(
                                Direction.HIGH,
                                300,
                                3,
                                Set.copyOf(parents),
                                GaStart.fromBest(parents, 2),
                                s -> {});
        assertThat(designed).hasSize(300);
        assertThat(designed).extracting(DesignedSequence::variable).doesNotHaveDuplicates();
        assertThat(designed).extracting(DesignedSequence::run).contains(0, 1);
    }

    @Test
    void aGenerationIsOneScorerCall() {
        final ToyScorers.Recording scorer = ToyScorers.recording(ToyScorers::gcCount);
        gcDesign(scorer, LibraryConstraints.NONE, SMALL).design(Direction.LOW, 10, 3);
        // The random start, one call per generation, and one for the outputs' predictions.
        assertThat(scorer.calls).hasSize(SMALL.generations() + 2);
        assertThat(scorer.calls.getFirst()).hasSize(SMALL.populationSize());
        assertThat(scorer.calls.getLast()).hasSize(10);
    }

    @Test
    void sameSeedSameSequencesOtherSeedOthers() {
        final SequenceScorer scorer = ToyScorers.recording(ToyScorers::gcCount);
        final HighLowDesign design = gcDesign(scorer, STRICT, SMALL);
        final List<DesignedSequence> a = design.design(Direction.HIGH, 15, 42);
        final List<DesignedSequence> b = design.design(Direction.HIGH, 15, 42);
        final List<DesignedSequence> c = design.design(Direction.HIGH, 15, 43);
        assertThat(a).isEqualTo(b);
        assertThat(c)
                .extracting(DesignedSequence::variable)
                .doesNotContainAnyElementsOf(a.stream().map(DesignedSequence::variable).toList());
    }

    @Test
    void outputsMeetTheConstraintsEvenWhenTheModelWantsOtherwise() {
        // The model rewards GC, the library caps it at 60%.
        final List<GenerationStats> stats = new ArrayList<>();
        final DnaSequence avoided = DnaSequence.of("ACGT".repeat(20));
        final List<DesignedSequence> high =
                gcDesign(
                                ToyScorers.recording(ToyScorers::gcCount),
                                STRICT,
                                new GaSettings(400, 10, 0.1, 0.1, 0.025, 3, 5))
                        .design(Direction.HIGH, 30, 5, Set.of(avoided), stats::add);
        assertThat(high).hasSize(30);
        for (final DesignedSequence d : high) {
            final DnaSequence v = d.variable();
            assertThat(v.gcFraction()).isBetween(0.35, 0.60);
            assertThat(v.longestHomopolymer()).isLessThanOrEqualTo(5);
            assertThat(Flanks.DREAM_2022.wrap(v).containsEitherStrand(DnaSequence.of("GAATTC")))
                    .isFalse();
            assertThat(v).isNotEqualTo(avoided);
        }
        for (int i = 0; i < high.size(); i++) {
            for (int j = i + 1; j < high.size(); j++) {
                assertThat(high.get(i).variable().hammingDistance(high.get(j).variable()))
                        .isGreaterThanOrEqualTo(5);
            }
        }
        // The penalty keeps the population feasible and pushes it to the cap (48 of 80).
        assertThat(stats.getLast().feasible()).isGreaterThan(SMALL.populationSize() * 8 / 10);
        assertThat(stats.getLast().mean()).isGreaterThan(45.0);
    }

    @Test
    void contradictoryConstraintsFailBeforeAnyScoring() {
        final ToyScorers.Recording scorer = ToyScorers.recording(ToyScorers::gcCount);
        final LibraryConstraints impossible = new LibraryConstraints(0.501, 0.505, 80, 0, null);
        assertThatThrownBy(() -> gcDesign(scorer, impossible, SMALL).design(Direction.HIGH, 5, 1))
                .isInstanceOf(UnsatisfiableRequestException.class)
                .hasMessageStartingWith("no sequence of length 80 has a GC fraction");
        assertThat(scorer.calls).isEmpty();
    }

    @Test
    void tooFewQualifyingSequencesFailsWithTheReason() {
        // A converged population of 400 holds far fewer than 300 sequences 40 bases apart.
        final LibraryConstraints farApart = new LibraryConstraints(0, 1, 80, 40, null);
        assertThatThrownBy(
                        () ->
                                gcDesign(ToyScorers.recording(ToyScorers::gcCount), farApart, SMALL)
                                        .design(Direction.HIGH, 300, 1))
                .isInstanceOf(UnsatisfiableRequestException.class)
                .hasMessageStartingWith("ga.vaishnav.high found only ")
                .hasMessageContaining(
                        "of 300 sequences after 1 run(s) of 10 generations with population 400")
                .hasMessageContaining("closer than Hamming 40")
                .hasMessageEndingWith("allow more runs (maxRuns)");
    }

    @Test
    void moreRunsMakeUpForASmallPopulation() {
        final LibraryConstraints apart = new LibraryConstraints(0, 1, 80, 30, null);
        final List<DesignedSequence> high =
                gcDesign(
                                ToyScorers.recording(ToyScorers::gcCount),
                                apart,
                                new GaSettings(100, 5, 0.1, 0.1, 0.025, 3, 20))
                        .design(Direction.HIGH, 12, 1);
        assertThat(high).hasSize(12);
        assertThat(high).extracting(DesignedSequence::run).contains(0).anyMatch(r -> r > 0);
    }

    @Test
    void aScorerReturningTheWrongShapeIsNamed() {
        final SequenceScorer twoRows = seqs -> new double[2][seqs.size()];
        assertThatThrownBy(
                        () ->
                                gcDesign(twoRows, LibraryConstraints.NONE, SMALL)
                                        .design(Direction.HIGH, 1, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("scorer returned 2 prediction rows for 1 models");
    }

    @Test
    void theObjectiveMustBeOneOfTheModels() {
        assertThatThrownBy(
                        () ->
                                new HighLowDesign(
                                        seqs -> new double[1][seqs.size()],
                                        List.of("edv"),
                                        "cd",
                                        DesignSpace.dream2022(LibraryConstraints.NONE),
                                        SMALL))
                .hasMessage("model 'cd' is not among the scorer's models [edv]");
    }
}
