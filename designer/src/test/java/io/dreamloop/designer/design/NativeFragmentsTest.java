package io.dreamloop.designer.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.contracts.event.LibraryConstraints;
import io.dreamloop.contracts.event.LibraryMember;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.contracts.sequence.Subset;
import io.dreamloop.designer.constraint.ConstraintCheck;
import io.dreamloop.designer.constraint.UnsatisfiableRequestException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NativeFragmentsTest {
    private static final Pattern METHOD = Pattern.compile("native\\.([A-Za-z0-9_]+)@(\\d+)");

    /**
     * Five seeded random promoters of 150-400 bp written as FASTA (60 bases a line, lower case for
     * the first line as soft-masking), one with an N run and one too short to cut.
     */
    private static List<FastaRecord> promoters() {
        final SplittableRandom random = new SplittableRandom(21);
        final StringBuilder fasta = new StringBuilder();
        for (int p = 0; p < 5; p++) {
            String bases = SharedData.randomBases(random, 150 + random.nextInt(250));
            if (p == 2) {
                bases = bases.substring(0, 100) + "NNNNN" + bases.substring(105);
            }
            if (p == 4) {
                bases = bases.substring(0, 60);
            }
            fasta.append(">prom").append(p).append(" test promoter\n");
            for (int i = 0; i < bases.length(); i += 60) {
                final String line = bases.substring(i, Math.min(bases.length(), i + 60));
                fasta.append(i == 0 ? line.toLowerCase(Locale.ROOT) : line).append('\n');
            }
        }
        return FastaReader.read(new StringReader(fasta.toString()), "test.fa");
    }

    @Test
    void fragmentsAreWindowsOfTheFastaAtTheRecordedStart() {
        final List<FastaRecord> promoters = promoters();
        final Map<String, String> byName = new HashMap<>();
        promoters.forEach(r -> byName.put(r.name(), r.bases()));
        final NativeFragments fragments =
                new NativeFragments(80, Flanks.DREAM_2022, SharedData.STRICT, promoters, 7);
        final Set<DnaSequence> avoid = Set.of(DnaSequence.of("T".repeat(80)));

        final List<LibraryMember> members =
                fragments.design("lib", 60, avoid, new SplittableRandom(3));

        assertThat(members).hasSize(60);
        final ConstraintCheck check = new ConstraintCheck(SharedData.STRICT, Flanks.DREAM_2022);
        final Set<DnaSequence> distinct = new HashSet<>(avoid);
        long previous = -1; // promoter number × 10,000 + start: listed by promoter, then start
        for (int i = 0; i < members.size(); i++) {
            final LibraryMember m = members.get(i);
            assertThat(m.id()).isEqualTo("lib-native-%06d".formatted(i));
            assertThat(m.subset()).isEqualTo(Subset.NATIVE);
            assertThat(m.pairId()).isNull();
            final Matcher method = METHOD.matcher(m.method());
            assertThat(method.matches()).as(m.method()).isTrue();
            final int start = Integer.parseInt(method.group(2));
            assertThat(start % 7).isZero();
            assertThat(m.variable().bases())
                    .isEqualTo(byName.get(method.group(1)).substring(start, start + 80));
            assertThat(check.violation(m.variable())).isEmpty();
            assertThat(distinct.add(m.variable())).isTrue();
            final long order = Long.parseLong(method.group(1).substring(4)) * 10_000 + start;
            assertThat(order).isGreaterThan(previous);
            previous = order;
        }
        assertThat(members).noneMatch(m -> m.method().startsWith("native.prom4@"));
    }

    @Test
    void askingForEveryWindowGetsEveryUsableOne() {
        final List<FastaRecord> promoters = promoters();
        final NativeFragments tiles =
                new NativeFragments(80, Flanks.DREAM_2022, LibraryConstraints.NONE, promoters, 80);
        // Non-overlapping 80-bp tiles; prom2's N run spoils exactly one of its tiles.
        long windows = 0;
        long spoiled = 0;
        for (final FastaRecord r : promoters) {
            for (int start = 0; start + 80 <= r.length(); start += 80) {
                windows++;
                spoiled += r.bases().substring(start, start + 80).contains("N") ? 1 : 0;
            }
        }
        final int expected = (int) windows;
        final int withN = (int) spoiled;
        assertThat(tiles.windows()).isEqualTo(expected);
        assertThat(withN).isEqualTo(1);

        final List<LibraryMember> all =
                tiles.design("t", expected - withN, Set.of(), new SplittableRandom(1));

        assertThat(all).hasSize(expected - withN);
        assertThatThrownBy(() -> tiles.design("t", expected, Set.of(), new SplittableRandom(1)))
                .isInstanceOf(UnsatisfiableRequestException.class)
                .hasMessageStartingWith(
                        "found only %d of %d native fragments among %d windows (1 with N"
                                .formatted(expected - withN, expected, expected));
        assertThatThrownBy(() -> tiles.design("t", expected + 1, Set.of(), new SplittableRandom(1)))
                .hasMessage(
                        "asks for %d native fragments, but the 5 promoters give only %d windows of 80 bp at stride 80; supply more or longer promoters, or use a smaller stride"
                                .formatted(expected + 1, expected));
    }

    @Test
    void minimumHammingDistanceHoldsBetweenFragments() {
        final LibraryConstraints spread = new LibraryConstraints(0, 1, 80, 40, List.of());
        final List<LibraryMember> members =
                new NativeFragments(80, Flanks.DREAM_2022, spread, promoters(), 1)
                        .design("lib", 40, Set.of(), new SplittableRandom(2));

        for (int i = 0; i < members.size(); i++) {
            for (int j = i + 1; j < members.size(); j++) {
                assertThat(members.get(i).variable().hammingDistance(members.get(j).variable()))
                        .isGreaterThanOrEqualTo(40);
            }
        }
    }

    @Test
    void sameSeedSameFragments() {
        final NativeFragments f =
                new NativeFragments(80, Flanks.DREAM_2022, SharedData.STRICT, promoters(), 1);

        assertThat(f.design("x", 30, Set.of(), new SplittableRandom(7)))
                .isEqualTo(f.design("x", 30, Set.of(), new SplittableRandom(7)))
                .isNotEqualTo(f.design("x", 30, Set.of(), new SplittableRandom(8)));
    }

    @Test
    void invalidSettingsAreRejected() {
        final List<FastaRecord> promoters = promoters();
        assertThatThrownBy(
                        () ->
                                new NativeFragments(
                                        80,
                                        Flanks.DREAM_2022,
                                        LibraryConstraints.NONE,
                                        promoters,
                                        0))
                .hasMessage("stride must be >= 1, but was 0");
        final FastaRecord p = promoters.getFirst();
        assertThatThrownBy(
                        () ->
                                new NativeFragments(
                                        80,
                                        Flanks.DREAM_2022,
                                        LibraryConstraints.NONE,
                                        List.of(p, p),
                                        1))
                .hasMessage("promoter name 'prom0' is given twice");
    }
}
