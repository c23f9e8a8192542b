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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MotifPerturbationTest {
    private static final Pattern METHOD =
            Pattern.compile("motif-perturbation\\.([a-z0-9]+(?:\\.rc)?)@(\\d+):([0-9ACGT.]+)");
    private static final Pattern SNV = Pattern.compile("(\\d+)([ACGT])");
    private static final List<MotifSite> SITES = SharedData.catalog().perturbationSites();

    private static MotifPerturbation perturbation(
            final LibraryConstraints c, final int backgrounds) {
        return new MotifPerturbation(
                80, Flanks.DREAM_2022, c, SITES, MotifPerturbation.DREAM_POSITION, backgrounds);
    }

    @Test
    void defaultSitesAreTheJasparConsensusOfReb1AndHsf1() {
        final MotifCatalog catalog = SharedData.catalog();
        assertThat(SITES).extracting(MotifSite::name).containsExactly("reb1", "hsf1");
        assertThat(SITES.getFirst().sequence()).isEqualTo(catalog.motif("REB1").consensus());
        // 1-3 SNVs in a 9-mer: 9·3 + 36·9 + 84·27.
        assertThat(MotifPerturbation.variants(9)).isEqualTo(27 + 324 + 2268);
        assertThat(MotifPerturbation.variants(2)).isEqualTo(6 + 9);
    }

    @Test
    void pairsDifferOnlyInsideTheSiteByOneToThreeRecordedSnvs() {
        final Set<DnaSequence> avoid = Set.of(DnaSequence.of("C".repeat(80)));

        final List<LibraryMember> members =
                perturbation(SharedData.STRICT, 5)
                        .design("lib", 300, avoid, new SplittableRandom(2));

        assertThat(members).hasSize(600);
        SharedData.assertWellFormedPairs(
                members, Subset.MOTIF_PERTURBATION, "lib", avoid, SharedData.STRICT);
        final Map<String, MotifSite> oriented = new HashMap<>();
        SITES.forEach(
                s -> {
                    oriented.put(s.name(), s);
                    oriented.put(s.reverseComplement().name(), s.reverseComplement());
                });
        final Map<Integer, Integer> bySnvCount = new HashMap<>();
        final Map<String, Integer> bySite = new HashMap<>();
        final Set<DnaSequence> backgrounds = new HashSet<>();
        for (int i = 0; i < members.size(); i += 2) {
            final DnaSequence alt = members.get(i).variable();
            final DnaSequence ref = members.get(i + 1).variable();
            final Matcher m = METHOD.matcher(members.get(i).method());
            assertThat(m.matches()).as(members.get(i).method()).isTrue();
            final MotifSite site = oriented.get(m.group(1));
            final int position = Integer.parseInt(m.group(2));
            assertThat(position).isEqualTo(MotifPerturbation.DREAM_POSITION);
            final int end = position + site.length();
            // Outside the site the alt is its ref, the bare background.
            assertThat(alt.subsequence(0, position)).isEqualTo(ref.subsequence(0, position));
            assertThat(alt.subsequence(end, 80)).isEqualTo(ref.subsequence(end, 80));
            // Inside, it is the site with exactly the recorded SNVs, 1 to 3 of them.
            final char[] expected = site.sequence().bases().toCharArray();
            int snvs = 0;
            final Matcher snv = SNV.matcher(m.group(3));
            while (snv.find()) {
                final int at = Integer.parseInt(snv.group(1));
                assertThat(snv.group(2).charAt(0)).isNotEqualTo(expected[at]);
                expected[at] = snv.group(2).charAt(0);
                snvs++;
            }
            assertThat(snvs).isBetween(1, MotifPerturbation.MAX_SNVS);
            assertThat(alt.subsequence(position, end).bases()).isEqualTo(new String(expected));
            assertThat(alt.subsequence(position, end).hammingDistance(site.sequence()))
                    .isEqualTo(snvs);
            assertThat(members.get(i + 1).method()).isEqualTo(MotifPerturbation.REF_METHOD);
            bySnvCount.merge(snvs, 1, Integer::sum);
            bySite.merge(site.name(), 1, Integer::sum);
            backgrounds.add(ref);
        }
        // Every SNV count and both orientations of both sites, spread evenly over 5 backgrounds.
        assertThat(bySnvCount).containsOnlyKeys(1, 2, 3);
        assertThat(bySnvCount.values()).allSatisfy(n -> assertThat(n).isGreaterThan(70));
        assertThat(bySite).containsOnlyKeys("reb1", "reb1.rc", "hsf1", "hsf1.rc");
        assertThat(bySite.values()).allSatisfy(n -> assertThat(n).isEqualTo(75));
        assertThat(backgrounds).hasSize(5);
    }

    @Test
    void pairsAreListedFamilyByFamily() {
        final List<LibraryMember> members =
                perturbation(LibraryConstraints.NONE, 2)
                        .design("lib", 40, Set.of(), new SplittableRandom(6));

        // 2 backgrounds × 4 site orientations = 8 families of 5 pairs, in order.
        for (int family = 0; family < 8; family++) {
            final List<LibraryMember> block = members.subList(10 * family, 10 * family + 10);
            assertThat(block.stream().map(m -> m.method().split("@")[0]).distinct())
                    .as("family %d", family)
                    .hasSize(2); // the alt method prefix and the ref method
            assertThat(
                            block.stream()
                                    .filter(m -> m.id().endsWith("-ref"))
                                    .map(LibraryMember::variable)
                                    .distinct())
                    .hasSize(1);
        }
    }

    @Test
    void sameSeedSamePairs() {
        final MotifPerturbation p = perturbation(SharedData.STRICT, 3);

        assertThat(p.design("x", 50, Set.of(), new SplittableRandom(9)))
                .isEqualTo(p.design("x", 50, Set.of(), new SplittableRandom(9)))
                .isNotEqualTo(p.design("x", 50, Set.of(), new SplittableRandom(10)));
    }

    @Test
    void aSiteBeyondTheVariableRegionIsUnsatisfiable() {
        final MotifPerturbation p =
                new MotifPerturbation(80, Flanks.DREAM_2022, LibraryConstraints.NONE, SITES, 75, 1);

        assertThatThrownBy(() -> p.design("x", 1, Set.of(), new SplittableRandom(1)))
                .isInstanceOf(UnsatisfiableRequestException.class)
                .hasMessage(
                        "site reb1 (9 bp) at position 75 does not fit the 80-bp variable region; use a position of at most 71 or a shorter site");
    }

    @Test
    void moreVariantsThanTheBackgroundsAllowIsUnsatisfiable() {
        // CG is its own reverse complement: one orientation, 6 single + 9 double variants. Both
        // backgrounds already read CG at offset 1, so no variant equals its background.
        final MotifSite cg = MotifSite.of("cg", DnaSequence.of("CG"));
        final List<DnaSequence> backgrounds =
                List.of(
                        DnaSequence.of("ACGT".repeat(20)),
                        DnaSequence.of("ACGA" + "ACGT".repeat(19)));
        final MotifPerturbation p =
                new MotifPerturbation(
                        80, Flanks.DREAM_2022, LibraryConstraints.NONE, List.of(cg), 1, 9);

        final List<LibraryMember> all =
                p.design("x", 30, backgrounds, Set.of(), new SplittableRandom(1));

        assertThat(all).hasSize(60);
        assertThat(all.stream().map(LibraryMember::variable).distinct()).hasSize(32);
        assertThatThrownBy(() -> p.design("x", 31, backgrounds, Set.of(), new SplittableRandom(1)))
                .isInstanceOf(UnsatisfiableRequestException.class)
                .hasMessage(
                        "asks for 31 perturbation pairs, but 1 site orientations with 1-3 SNVs allow 15 variants per background × 2 backgrounds = 30; use more backgrounds or ask for fewer pairs");
    }

    @Test
    void constraintsThatRejectEveryVariantAreUnsatisfiable() {
        // GC exactly 50 %: only the background itself and GC-neutral variants qualify.
        final DnaSequence background = DnaSequence.of("ACGT".repeat(20));
        final LibraryConstraints half = new LibraryConstraints(0.5, 0.5, 80, 0, List.of());
        final MotifSite aa = MotifSite.of("aa", DnaSequence.of("AA"));
        final MotifPerturbation p =
                new MotifPerturbation(80, Flanks.DREAM_2022, half, List.of(aa), 0, 1);

        assertThatThrownBy(
                        () ->
                                p.design(
                                        "x",
                                        20,
                                        List.of(background),
                                        Set.of(),
                                        new SplittableRandom(1)))
                .isInstanceOf(UnsatisfiableRequestException.class)
                .hasMessageStartingWith("found only ")
                .hasMessageContaining("rejected by the constraints (e.g. GC fraction")
                .hasMessageEndingWith("use more backgrounds or loosen the constraints");
    }
}
