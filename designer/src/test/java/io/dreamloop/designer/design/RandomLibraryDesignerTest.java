package io.dreamloop.designer.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.contracts.event.DesignRequested;
import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.LibraryConstraints;
import io.dreamloop.contracts.event.LibraryMember;
import io.dreamloop.contracts.event.Lineage;
import io.dreamloop.contracts.event.SubsetQuota;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.contracts.sequence.Subset;
import io.dreamloop.designer.constraint.UnsatisfiableRequestException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomLibraryDesignerTest {
    private static final LibraryConstraints STRICT =
            new LibraryConstraints(
                    0.35, 0.65, 5, 10, List.of(DnaSequence.of("GAATTC"), DnaSequence.of("GGTCTC")));

    private static DesignRequested request(
            final int count, final long seed, final LibraryConstraints c, final int length) {
        return new DesignRequested(
                EventTypes.header(DesignRequested.class, Lineage.NONE),
                "lib",
                List.of(new SubsetQuota(Subset.RANDOM, count)),
                length,
                Flanks.DREAM_2022,
                c,
                seed);
    }

    @Test
    void sameSeedSameLibraryOtherSeedOtherLibrary() {
        final LibraryDesigner designer = LibraryDesignerTest.designer(1000);
        final List<LibraryMember> a = designer.design(request(200, 42, STRICT, 80));
        final List<LibraryMember> b = designer.design(request(200, 42, STRICT, 80));
        final List<LibraryMember> c = designer.design(request(200, 43, STRICT, 80));
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
        assertThat(a.getFirst().id()).isEqualTo("lib-random-000000");
    }

    @Test
    void everyMemberMeetsTheConstraints() {
        final List<LibraryMember> members =
                LibraryDesignerTest.designer(1000).design(request(500, 7, STRICT, 80));
        assertThat(members).hasSize(500);
        final Set<DnaSequence> distinct = new HashSet<>();
        for (final LibraryMember m : members) {
            final DnaSequence v = m.variable();
            assertThat(v.length()).isEqualTo(80);
            assertThat(v.isDefinite()).isTrue();
            assertThat(v.gcFraction()).isBetween(0.35, 0.65);
            assertThat(v.longestHomopolymer()).isLessThanOrEqualTo(5);
            final DnaSequence oligo = Flanks.DREAM_2022.wrap(v);
            assertThat(oligo.containsEitherStrand(DnaSequence.of("GAATTC"))).isFalse();
            assertThat(oligo.containsEitherStrand(DnaSequence.of("GGTCTC"))).isFalse();
            assertThat(m.subset()).isEqualTo(Subset.RANDOM);
            distinct.add(v);
        }
        assertThat(distinct).hasSize(500);
        for (int i = 0; i < members.size(); i++) {
            for (int j = i + 1; j < members.size(); j++) {
                assertThat(members.get(i).variable().hammingDistance(members.get(j).variable()))
                        .isGreaterThanOrEqualTo(10);
            }
        }
    }

    @Test
    void baseCompositionIsUniform() {
        final List<LibraryMember> members =
                LibraryDesignerTest.designer(1000)
                        .design(request(2000, 11, LibraryConstraints.NONE, 80));
        final long[] counts = new long[128];
        members.forEach(m -> m.variable().bases().chars().forEach(ch -> counts[ch]++));
        final double total = 2000 * 80;
        for (final char b : "ACGT".toCharArray()) {
            assertThat(counts[b] / total).isBetween(0.24, 0.26);
        }
    }

    @Test
    void contradictoryGcRangeFailsBeforeSearching() {
        final LibraryConstraints c = new LibraryConstraints(0.501, 0.505, 80, 0, List.of());
        assertThatThrownBy(() -> LibraryDesignerTest.designer(1000).design(request(10, 1, c, 80)))
                .isInstanceOf(UnsatisfiableRequestException.class)
                .hasMessage(
                        "no sequence of length 80 has a GC fraction in [0.501, 0.505]: it would need between 41 and 40 G/C bases");
    }

    @Test
    void forbiddenSiteInTheFlanksFails() {
        final LibraryConstraints c =
                new LibraryConstraints(0, 1, 80, 0, List.of(DnaSequence.of("CACATC")));
        assertThatThrownBy(() -> LibraryDesignerTest.designer(1000).design(request(10, 1, c, 80)))
                .hasMessage(
                        "forbidden site CACATC occurs in the constant flanks, so every oligo would contain it");
    }

    @Test
    void tooFewDistinctSequencesFailsInsteadOfReturningFewer() {
        // Only 4^4 = 256 distinct 4-mers exist.
        assertThatThrownBy(
                        () ->
                                LibraryDesignerTest.designer(200)
                                        .design(request(300, 1, LibraryConstraints.NONE, 4)))
                .isInstanceOf(UnsatisfiableRequestException.class)
                .hasMessageStartingWith(
                        "found only 256 of 300 random sequences of length 4 after 60,000 draws");
    }

    @Test
    void randomStreamsAreIndependentOfTheGenerator() {
        // The designer only uses the RandomGenerator it is given: two equal seeds, equal draws.
        final RandomLibraryDesigner d =
                new RandomLibraryDesigner(80, Flanks.DREAM_2022, LibraryConstraints.NONE, 10);
        assertThat(d.design("x", 5, Set.of(), new SplittableRandom(3)))
                .isEqualTo(d.design("x", 5, Set.of(), new SplittableRandom(3)));
    }
}
