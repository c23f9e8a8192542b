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
import io.dreamloop.designer.design.SharedData.DreamPair;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MotifTilingTest {
    private static final Pattern METHOD =
            Pattern.compile("motif-tiling\\.([a-z0-9]+)(\\.rc)?@(\\d+)");
    private static final List<MotifSite> SITES = SharedData.catalog().tilingSites();

    private static MotifTiling tiling(final LibraryConstraints c, final int maxBackgrounds) {
        return new MotifTiling(80, Flanks.DREAM_2022, c, SITES, maxBackgrounds);
    }

    @Test
    void defaultSitesArePolyAAndTheJasparConsensusOfTheFiveFactors() {
        final MotifCatalog catalog = SharedData.catalog();
        assertThat(SITES)
                .extracting(MotifSite::name)
                .containsExactly("polya", "skn7", "mga1", "ume6", "mot3", "azf1");
        assertThat(SITES.getFirst().sequence()).isEqualTo(DnaSequence.of("AAAAA"));
        assertThat(SITES.get(3).sequence()).isEqualTo(catalog.motif("UME6").consensus());
        // Σ over sites of 2 orientations × (80 − length + 1) offsets.
        final int expected = SITES.stream().mapToInt(s -> 2 * (80 - s.length() + 1)).sum();
        assertThat(tiling(LibraryConstraints.NONE, 1).tilesPerBackground()).isEqualTo(expected);
    }

    @Test
    void everyOffsetAndBothOrientationsAreCoveredWithTheSiteAtTheRecordedOffset() {
        final MotifTiling tiling = tiling(LibraryConstraints.NONE, 3);
        final int perBackground = tiling.tilesPerBackground();
        final Set<DnaSequence> avoid = Set.of(DnaSequence.of("A".repeat(80)));

        final List<LibraryMember> members =
                tiling.design("lib", 2 * perBackground, avoid, new SplittableRandom(5));

        assertThat(members).hasSize(4 * perBackground);
        SharedData.assertWellFormedPairs(
                members, Subset.MOTIF_TILING, "lib", avoid, LibraryConstraints.NONE);
        final Map<String, MotifSite> oriented = new HashMap<>();
        SITES.forEach(
                s -> {
                    oriented.put(s.name(), s);
                    oriented.put(s.reverseComplement().name(), s.reverseComplement());
                });
        final Set<String> covered = new HashSet<>();
        final Set<DnaSequence> backgrounds = new HashSet<>();
        for (int i = 0; i < members.size(); i += 2) {
            final LibraryMember alt = members.get(i);
            final LibraryMember ref = members.get(i + 1);
            final Matcher m = METHOD.matcher(alt.method());
            assertThat(m.matches()).as(alt.method()).isTrue();
            final MotifSite site = oriented.get(m.group(1) + (m.group(2) == null ? "" : ".rc"));
            final int offset = Integer.parseInt(m.group(3));
            final int end = offset + site.length();
            // The site is at the recorded offset and the rest is the background.
            assertThat(alt.variable().subsequence(offset, end)).isEqualTo(site.sequence());
            if (offset > 0) {
                assertThat(alt.variable().subsequence(0, offset))
                        .isEqualTo(ref.variable().subsequence(0, offset));
            }
            if (end < 80) {
                assertThat(alt.variable().subsequence(end, 80))
                        .isEqualTo(ref.variable().subsequence(end, 80));
            }
            assertThat(ref.method()).isEqualTo(MotifTiling.REF_METHOD);
            covered.add(site.name() + "@" + offset);
            backgrounds.add(ref.variable());
        }
        // Two full backgrounds' worth; poly-A shifted by one over an A repeats a tile, so a third
        // background makes up the few repeats. Every (site, orientation, offset) at least once.
        assertThat(backgrounds).hasSize(3);
        assertThat(covered).hasSize(perBackground);
    }

    @Test
    void rebuildsTheRealDreamTilingPairsOfBackgroundRand311() {
        // DREAM tiled the 7-bp core AGCCGCC of the JASPAR UME6 consensus ATTAGCCGCCGA, and AAAAA.
        final MotifCatalog catalog = SharedData.catalog();
        final MotifSite ume6 =
                MotifSite.of("ume6", catalog.site("UME6").sequence().subsequence(3, 10));
        assertThat(ume6.sequence()).isEqualTo(DnaSequence.of("AGCCGCC"));
        final MotifSite polyA = MotifSite.polyA(MotifCatalog.DREAM_POLY_A_LENGTH);
        final List<DreamPair> real =
                SharedData.dreamPairs("motif_tiling_seqs.csv").stream()
                        .filter(p -> p.altTag().matches("rand311_(Ume6|polyA)(\\.RC)?_\\d+"))
                        .toList();
        final DnaSequence rand311 = real.getFirst().ref();
        assertThat(real).allSatisfy(p -> assertThat(p.ref()).isEqualTo(rand311));
        // The real set repeats a few poly-A alts (shifting AAAAA by one over an A changes
        // nothing); a library holds each sequence once, so the generator makes the distinct ones.
        final Map<DnaSequence, Set<String>> realTags = new HashMap<>();
        real.forEach(
                p ->
                        realTags.computeIfAbsent(p.alt(), k -> new HashSet<>())
                                .add(tagOf(p.altTag())));
        final int distinct = realTags.size();
        assertThat(distinct).isLessThan(real.size()).isGreaterThan(280);

        final List<LibraryMember> members =
                new MotifTiling(
                                80,
                                Flanks.DREAM_2022,
                                LibraryConstraints.NONE,
                                List.of(ume6, polyA),
                                1)
                        .design(
                                "re",
                                distinct,
                                List.of(rand311),
                                Set.of(),
                                new SplittableRandom(1));

        assertThat(members).hasSize(2 * distinct);
        for (int i = 0; i < members.size(); i += 2) {
            final LibraryMember alt = members.get(i);
            assertThat(members.get(i + 1).variable()).isEqualTo(rand311);
            // Same sequence as a real alt whose tag names the same site, orientation and offset.
            assertThat(realTags).containsKey(alt.variable());
            assertThat(realTags.get(alt.variable())).contains(tagOfMethod(alt.method()));
        }
        // The Ume6 tiles (no repeats) are all there, every offset in both orientations.
        assertThat(members.stream().filter(m -> m.method().startsWith("motif-tiling.ume6")))
                .hasSize(2 * 74);
    }

    @Test
    void aPartlyNeededBackgroundCoversTilesTheFirstOneMissed() {
        // STRICT forbids runs over 6 and GC outside 30-70 %, so a few tiles of the first
        // background are rejected; the second background is partial and must take those first.
        final MotifTiling tiling = tiling(SharedData.STRICT, 4);
        final int perBackground = tiling.tilesPerBackground();

        final List<LibraryMember> members =
                tiling.design("lib", perBackground, Set.of(), new SplittableRandom(8));

        assertThat(members).hasSize(2 * perBackground);
        SharedData.assertWellFormedPairs(
                members, Subset.MOTIF_TILING, "lib", Set.of(), SharedData.STRICT);
        final Map<DnaSequence, Set<String>> byBackground = new LinkedHashMap<>();
        final Set<DnaSequence> sequences = new HashSet<>();
        for (final LibraryMember m : members) {
            sequences.add(m.variable());
        }
        for (int i = 0; i < members.size(); i += 2) {
            byBackground
                    .computeIfAbsent(members.get(i + 1).variable(), k -> new HashSet<>())
                    .add(members.get(i).method());
        }
        assertThat(byBackground).hasSize(2);
        final List<DnaSequence> backgrounds = List.copyOf(byBackground.keySet());
        final Set<String> first = byBackground.get(backgrounds.get(0));
        final Set<String> second = byBackground.get(backgrounds.get(1));
        assertThat(first.size()).isLessThan(perBackground);
        final ConstraintCheck check = new ConstraintCheck(SharedData.STRICT, Flanks.DREAM_2022);
        for (final String missed : allMethods()) {
            if (!first.contains(missed) && !second.contains(missed)) {
                // Left out only because it cannot be written on the second background either.
                final DnaSequence alt = write(backgrounds.get(1), missed);
                assertThat(check.violation(alt).isPresent() || sequences.contains(alt))
                        .as(missed)
                        .isTrue();
            }
        }
        // Tiles already covered are taken only after every missed one was tried.
        final long repeated = second.stream().filter(first::contains).count();
        final long missedTaken = second.size() - repeated;
        assertThat(missedTaken).isPositive();
        assertThat(first.size() + second.size()).isEqualTo(perBackground);
    }

    @Test
    void sameSeedSameTilingOtherSeedOtherBackgrounds() {
        final MotifTiling tiling = tiling(SharedData.STRICT, 3);

        final List<LibraryMember> a = tiling.design("x", 500, Set.of(), new SplittableRandom(3));
        final List<LibraryMember> b = tiling.design("x", 500, Set.of(), new SplittableRandom(3));
        final List<LibraryMember> c = tiling.design("x", 500, Set.of(), new SplittableRandom(4));

        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void moreTilesThanTheBackgroundsHoldIsUnsatisfiable() {
        final MotifTiling tiling = tiling(LibraryConstraints.NONE, 2);
        final int perBackground = tiling.tilesPerBackground();

        assertThatThrownBy(
                        () ->
                                tiling.design(
                                        "x",
                                        2 * perBackground + 1,
                                        Set.of(),
                                        new SplittableRandom(1)))
                .isInstanceOf(UnsatisfiableRequestException.class)
                .hasMessage(
                        "asks for %d tiling pairs, but 6 sites × offsets × orientations = %d tiles per background × 2 backgrounds allow only %d; use at least 3 backgrounds or ask for fewer pairs"
                                .formatted(
                                        2 * perBackground + 1, perBackground, 2 * perBackground));
    }

    @Test
    void aSiteThatCannotBeWrittenIsUnsatisfiable() {
        final MotifSite long90 = MotifSite.of("long", DnaSequence.of("ACGT".repeat(22) + "AC"));
        assertThatThrownBy(
                        () ->
                                new MotifTiling(
                                                80,
                                                Flanks.DREAM_2022,
                                                LibraryConstraints.NONE,
                                                List.of(long90),
                                                1)
                                        .design("x", 1, Set.of(), new SplittableRandom(1)))
                .isInstanceOf(UnsatisfiableRequestException.class)
                .hasMessageStartingWith("motif long (")
                .hasMessageEndingWith(
                        "90 bp) is longer than the 80-bp variable region; drop it or lengthen the region");
        final LibraryConstraints noRunsOfFive = new LibraryConstraints(0, 1, 4, 0, List.of());
        assertThatThrownBy(
                        () ->
                                tiling(noRunsOfFive, 1)
                                        .design("x", 1, Set.of(), new SplittableRandom(1)))
                .isInstanceOf(UnsatisfiableRequestException.class)
                .hasMessage(
                        "motif polya (AAAAA) has a homopolymer of 5 > maxHomopolymer 4, so every tile violates the constraints; drop the motif or raise maxHomopolymer");
    }

    @Test
    void givenBackgroundsMustBeNewAndOfTheVariableLength() {
        final DnaSequence background = DnaSequence.of("ACGT".repeat(20));
        final MotifTiling tiling = tiling(LibraryConstraints.NONE, 1);

        assertThatThrownBy(
                        () ->
                                tiling.design(
                                        "x",
                                        5,
                                        List.of(background),
                                        Set.of(background),
                                        new SplittableRandom(1)))
                .isInstanceOf(UnsatisfiableRequestException.class)
                .hasMessage("background 1 (%s) is already in the library".formatted(background));
        assertThatThrownBy(
                        () ->
                                tiling.design(
                                        "x",
                                        5,
                                        List.of(DnaSequence.of("ACGT")),
                                        Set.of(),
                                        new SplittableRandom(1)))
                .hasMessage("background 1 (ACGT) has length 4, but the variable region is 80");
    }

    /** The method of every tile of {@link #SITES}. */
    private static Set<String> allMethods() {
        final Set<String> out = new HashSet<>();
        for (final MotifSite site : SITES) {
            for (final MotifSite s : List.of(site, site.reverseComplement())) {
                for (int offset = 0; offset + s.length() <= 80; offset++) {
                    out.add("motif-tiling.%s@%d".formatted(s.name(), offset));
                }
            }
        }
        return out;
    }

    /** The tile a method names, written on {@code background}. */
    private static DnaSequence write(final DnaSequence background, final String method) {
        final Matcher m = METHOD.matcher(method);
        assertThat(m.matches()).isTrue();
        final MotifSite site =
                SITES.stream().filter(s -> s.name().equals(m.group(1))).findFirst().orElseThrow();
        final DnaSequence bases =
                m.group(2) == null ? site.sequence() : site.sequence().reverseComplement();
        final int offset = Integer.parseInt(m.group(3));
        final String b = background.bases();
        return DnaSequence.of(
                b.substring(0, offset) + bases.bases() + b.substring(offset + bases.length()));
    }

    /** {@code rand311_Ume6.RC_5} → {@code ume6.rc@5}. */
    private static String tagOf(final String altTag) {
        final Matcher m = Pattern.compile("rand\\d+_([A-Za-z0-9]+)(\\.RC)?_(\\d+)").matcher(altTag);
        assertThat(m.matches()).isTrue();
        return "%s%s@%s"
                .formatted(
                        m.group(1).toLowerCase(Locale.ROOT),
                        m.group(2) == null ? "" : ".rc",
                        m.group(3));
    }

    /** {@code motif-tiling.ume6.rc@5} → {@code ume6.rc@5}. */
    private static String tagOfMethod(final String method) {
        return method.substring("motif-tiling.".length());
    }
}
