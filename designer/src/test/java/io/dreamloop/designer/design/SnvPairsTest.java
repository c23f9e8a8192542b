package io.dreamloop.designer.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.contracts.event.LibraryConstraints;
import io.dreamloop.contracts.event.LibraryMember;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.contracts.sequence.Subset;
import io.dreamloop.designer.constraint.UnsatisfiableRequestException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SnvPairsTest {
    private static final Pattern METHOD = Pattern.compile("snv@(\\d+):([ACGT])>([ACGT])");

    /** Random references meeting {@link SharedData#STRICT}, as the random subset would make. */
    private static List<DnaSequence> references(final int n, final long seed) {
        return new RandomLibraryDesigner(80, Flanks.DREAM_2022, SharedData.STRICT, 1000)
                .design("ref", n, Set.of(), new SplittableRandom(seed)).stream()
                        .map(LibraryMember::variable)
                        .toList();
    }

    @Test
    void altDiffersFromItsRefAtExactlyOneRecordedPosition() {
        final List<DnaSequence> refs = references(7, 1);
        final Set<DnaSequence> avoid = Set.of(DnaSequence.of("G".repeat(80)));

        final List<LibraryMember> members =
                new SnvPairs(80, Flanks.DREAM_2022, SharedData.STRICT, refs)
                        .design("lib", 100, avoid, new SplittableRandom(4));

        assertThat(members).hasSize(200);
        SharedData.assertWellFormedPairs(members, Subset.SNV, "lib", avoid, SharedData.STRICT);
        final Map<DnaSequence, Integer> pairsPerRef = new HashMap<>();
        for (int i = 0; i < members.size(); i += 2) {
            final DnaSequence alt = members.get(i).variable();
            final DnaSequence ref = members.get(i + 1).variable();
            assertThat(alt.hammingDistance(ref)).isEqualTo(1);
            final Matcher m = METHOD.matcher(members.get(i).method());
            assertThat(m.matches()).as(members.get(i).method()).isTrue();
            final int at = Integer.parseInt(m.group(1));
            assertThat(ref.baseAt(at)).isEqualTo(m.group(2).charAt(0));
            assertThat(alt.baseAt(at)).isEqualTo(m.group(3).charAt(0));
            assertThat(members.get(i + 1).method()).isEqualTo(SnvPairs.REF_METHOD);
            assertThat(refs).contains(ref);
            pairsPerRef.merge(ref, 1, Integer::sum);
        }
        // Round-robin: 100 pairs over 7 references is 14 or 15 each.
        assertThat(pairsPerRef).hasSize(7);
        assertThat(pairsPerRef.values()).allSatisfy(n -> assertThat(n).isBetween(14, 15));
    }

    @Test
    void pairsAreListedReferenceByReference() {
        final List<DnaSequence> refs = references(3, 2);

        final List<LibraryMember> members =
                new SnvPairs(80, Flanks.DREAM_2022, LibraryConstraints.NONE, refs)
                        .design("lib", 9, Set.of(), new SplittableRandom(1));

        assertThat(
                        members.stream()
                                .filter(m -> m.id().endsWith("-ref"))
                                .map(LibraryMember::variable))
                .containsExactly(
                        refs.get(0),
                        refs.get(0),
                        refs.get(0),
                        refs.get(1),
                        refs.get(1),
                        refs.get(1),
                        refs.get(2),
                        refs.get(2),
                        refs.get(2));
    }

    @Test
    void everySingleBaseVariantOfAReferenceCanBeDrawnOnce() {
        final DnaSequence ref = DnaSequence.of("ACGTTGCA");

        final List<LibraryMember> members =
                new SnvPairs(8, Flanks.DREAM_2022, LibraryConstraints.NONE, List.of(ref))
                        .design("lib", 24, Set.of(), new SplittableRandom(3));

        assertThat(
                        members.stream()
                                .filter(m -> m.id().endsWith("-alt"))
                                .map(LibraryMember::variable)
                                .distinct())
                .hasSize(24);
        assertThatThrownBy(
                        () ->
                                new SnvPairs(
                                                8,
                                                Flanks.DREAM_2022,
                                                LibraryConstraints.NONE,
                                                List.of(ref))
                                        .design("lib", 25, Set.of(), new SplittableRandom(3)))
                .isInstanceOf(UnsatisfiableRequestException.class)
                .hasMessage(
                        "asks for 25 SNV pairs, but 1 references × 24 single-base variants allow only 24; pass more references or ask for fewer");
    }

    @Test
    void sameSeedSamePairs() {
        final SnvPairs snvs =
                new SnvPairs(80, Flanks.DREAM_2022, SharedData.STRICT, references(5, 3));

        assertThat(snvs.design("x", 40, Set.of(), new SplittableRandom(5)))
                .isEqualTo(snvs.design("x", 40, Set.of(), new SplittableRandom(5)))
                .isNotEqualTo(snvs.design("x", 40, Set.of(), new SplittableRandom(6)));
    }

    @Test
    void constraintsThatRejectMostVariantsMakeTheRequestUnsatisfiable() {
        // GC exactly 1/2 in ACGT: only the 4 GC-neutral swaps (A↔T, C↔G) of 12 qualify.
        final LibraryConstraints half = new LibraryConstraints(0.5, 0.5, 4, 0, List.of());
        final SnvPairs snvs =
                new SnvPairs(4, Flanks.DREAM_2022, half, List.of(DnaSequence.of("ACGT")));

        assertThat(snvs.design("x", 4, Set.of(), new SplittableRandom(1)))
                .filteredOn(m -> m.id().endsWith("-alt"))
                .extracting(m -> m.variable().bases())
                .containsExactlyInAnyOrder("TCGT", "AGGT", "ACCT", "ACGA");
        assertThatThrownBy(() -> snvs.design("x", 5, Set.of(), new SplittableRandom(1)))
                .isInstanceOf(UnsatisfiableRequestException.class)
                .hasMessageStartingWith(
                        "found only 4 of 5 SNV pairs: every single-base variant of the 1 references was used or rejected (8 rejected by the constraints (e.g. GC fraction 0.")
                .hasMessageEndingWith(
                        " outside [0.5, 0.5]), 0 already in the library); pass more references or loosen the constraints");
    }

    @Test
    void referencesMustBeNewToTheLibraryAndMeetTheConstraints() {
        final DnaSequence ref = DnaSequence.of("ACGT".repeat(20));
        final SnvPairs snvs =
                new SnvPairs(80, Flanks.DREAM_2022, LibraryConstraints.NONE, List.of(ref, ref));

        assertThatThrownBy(() -> snvs.design("x", 1, Set.of(), new SplittableRandom(1)))
                .isInstanceOf(UnsatisfiableRequestException.class)
                .hasMessage("reference 2 (%s) is given twice".formatted(ref));
        assertThatThrownBy(
                        () ->
                                new SnvPairs(
                                                80,
                                                Flanks.DREAM_2022,
                                                LibraryConstraints.NONE,
                                                List.of(ref))
                                        .design("x", 1, Set.of(ref), new SplittableRandom(1)))
                .hasMessage("reference 1 (%s) is already in the library".formatted(ref));
        assertThatThrownBy(
                        () ->
                                new SnvPairs(
                                                80,
                                                Flanks.DREAM_2022,
                                                SharedData.STRICT,
                                                List.of(DnaSequence.of("A".repeat(80))))
                                        .design("x", 1, Set.of(), new SplittableRandom(1)))
                .hasMessageStartingWith("reference 1 (AAAA")
                .hasMessageEndingWith(
                        "violates the constraints: GC fraction 0.000 outside [0.3, 0.7]");
    }
}
