package io.dreamloop.designer.design;

import io.dreamloop.contracts.event.LibraryConstraints;
import io.dreamloop.contracts.event.LibraryMember;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.contracts.sequence.Subset;
import io.dreamloop.designer.constraint.ConstraintCheck;
import io.dreamloop.designer.constraint.UnsatisfiableRequestException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The motif-tiling subset: each site written at every offset of the variable region, in both
 * orientations, over a few random backgrounds; pair = (tiled, background).
 *
 * <p>This is how the DREAM 2022 tiling pairs were built: {@code rand311_Mga1.RC_1} is background
 * {@code rand311} with the reverse complement of the Mga1 site written over its bases from offset 1
 * (0-based, within the variable region), and its ref is {@code rand311} itself. A site of length
 * {@code k} has {@code length − k + 1} offsets per orientation; a palindromic site has only one
 * orientation. Backgrounds are not screened for sites they already contain, as in DREAM.
 *
 * <p>Backgrounds are filled one at a time, each with every (site, orientation, offset) tile, so
 * {@code count} pairs need {@code ⌈count / tilesPerBackground⌉} backgrounds, at most {@code
 * maxBackgrounds}. When the last background is only partly needed, its tiles are a seeded random
 * choice that takes tiles not yet covered by an earlier background first. A tile that violates the
 * constraints or repeats a library sequence (e.g. poly-A shifted by one over an A) is skipped and
 * made up on a further background.
 *
 * <p>Shared refs: the background is the ref of each of its tiles, one copy per pair, each with its
 * own id; see {@link SnvPairs} for why. Identical refs of one background are exempt from library
 * distinctness, and the background itself is new to the library.
 *
 * <p>Methods: alt {@code motif-tiling.<site>[.rc]@<offset>}, e.g. {@code motif-tiling.mga1.rc@12};
 * ref {@value #REF_METHOD}.
 */
public final class MotifTiling {
    /** Method prefix of the alt members. */
    public static final String METHOD = "motif-tiling";

    /** Method of the ref members. */
    public static final String REF_METHOD = "motif-tiling.background";

    private final int length;
    private final LibraryConstraints constraints;
    private final ConstraintCheck check;
    private final Backgrounds backgrounds;
    private final List<MotifSite> sites;
    private final int maxBackgrounds;

    /**
     * @param sites the sites to tile, e.g. {@link MotifCatalog#tilingSites()}; names distinct
     * @param maxBackgrounds most random backgrounds to draw, at least 1 (DREAM 2022 used 3)
     */
    public MotifTiling(
            final int length,
            final Flanks flanks,
            final LibraryConstraints constraints,
            final List<MotifSite> sites,
            final int maxBackgrounds) {
        this.length = length;
        this.constraints = constraints;
        this.check = new ConstraintCheck(constraints, flanks);
        this.backgrounds = new Backgrounds(length, flanks, constraints);
        this.sites = MotifSite.requireDistinct(sites);
        if (maxBackgrounds < 1) {
            throw new IllegalArgumentException(
                    "maxBackgrounds must be >= 1, but was " + maxBackgrounds);
        }
        this.maxBackgrounds = maxBackgrounds;
    }

    /**
     * Number of (site, orientation, offset) tiles on one background; a site longer than the
     * variable region has none.
     */
    public int tilesPerBackground() {
        return tiles().size();
    }

    /**
     * Designs {@code count} pairs on random backgrounds, ids {@code <prefix>-motif-tiling-<n>-alt}
     * and {@code -ref}.
     *
     * @param avoid sequences already in the library, never repeated
     * @throws UnsatisfiableRequestException when a site cannot be tiled or {@code count} exceeds
     *     what {@code maxBackgrounds} backgrounds hold
     */
    public List<LibraryMember> design(
            final String idPrefix,
            final int count,
            final Set<DnaSequence> avoid,
            final RandomGenerator random) {
        return tile(idPrefix, count, null, maxBackgrounds, avoid, random);
    }

    /**
     * Designs {@code count} pairs on the given backgrounds, used in order and only as many as
     * needed (e.g. to rebuild a DREAM 2022 tiling on its own background).
     *
     * @throws UnsatisfiableRequestException also when a background is unusable (wrong length,
     *     {@code N}, violates the constraints, given twice or already in the library)
     */
    public List<LibraryMember> design(
            final String idPrefix,
            final int count,
            final List<DnaSequence> backgrounds,
            final Set<DnaSequence> avoid,
            final RandomGenerator random) {
        Objects.requireNonNull(backgrounds, "backgrounds");
        return tile(idPrefix, count, List.copyOf(backgrounds), backgrounds.size(), avoid, random);
    }

    private List<LibraryMember> tile(
            final String idPrefix,
            final int count,
            final List<DnaSequence> given,
            final int limit,
            final Set<DnaSequence> avoid,
            final RandomGenerator random) {
        Pairs.requireCount(count);
        check.requireSatisfiable(length);
        requireTileable();
        final List<Tile> tiles = tiles();
        requireCapacity(count, tiles.size(), limit);
        final Set<DnaSequence> taken = new HashSet<>(avoid);
        if (given != null) {
            backgrounds.requireUsable(given, avoid, "background");
            taken.addAll(given);
        }
        final boolean[] covered = new boolean[tiles.size()];
        final Rejections rejected = new Rejections();
        final List<LibraryMember> members = new ArrayList<>(2 * count);
        int pair = 0;
        for (int b = 0; pair < count; b++) {
            if (b == limit) {
                throw new UnsatisfiableRequestException(
                        "found only %d of %d tiling pairs on %d backgrounds (%s); use more backgrounds, loosen the constraints or ask for fewer pairs"
                                .formatted(pair, count, limit, rejected));
            }
            final DnaSequence background =
                    given != null
                            ? given.get(b)
                            : backgrounds.draw(1, taken, random, "motif tiling").getFirst();
            taken.add(background);
            final DnaSequence[] alts =
                    alts(background, tiles, count - pair, covered, taken, rejected, random);
            pair = addPairs(members, idPrefix, pair, tiles, alts, background);
        }
        return members;
    }

    /**
     * Adds the pairs of one background in tile order, numbered from {@code pair}; the next number.
     */
    private static int addPairs(
            final List<LibraryMember> members,
            final String idPrefix,
            final int pair,
            final List<Tile> tiles,
            final DnaSequence[] alts,
            final DnaSequence background) {
        int next = pair;
        for (int t = 0; t < tiles.size(); t++) {
            if (alts[t] != null) {
                members.addAll(
                        Pairs.pair(
                                idPrefix,
                                Subset.MOTIF_TILING,
                                next++,
                                alts[t],
                                tiles.get(t).method(),
                                background,
                                REF_METHOD));
            }
        }
        return next;
    }

    private void requireCapacity(final int count, final int tileCount, final int limit) {
        final long capacity = (long) tileCount * limit;
        if (count > capacity) {
            throw new UnsatisfiableRequestException(
                    "asks for %d tiling pairs, but %d sites × offsets × orientations = %d tiles per background × %d backgrounds allow only %d; use at least %d backgrounds or ask for fewer pairs"
                            .formatted(
                                    count,
                                    sites.size(),
                                    tileCount,
                                    limit,
                                    capacity,
                                    (count + tileCount - 1) / tileCount));
        }
    }

    /**
     * Up to {@code wanted} alts on one background, indexed by tile ({@code null} where none was
     * made), so the pairs come out in tile order whatever order they were tried in.
     */
    private DnaSequence[] alts(
            final DnaSequence background,
            final List<Tile> tiles,
            final int wanted,
            final boolean[] covered,
            final Set<DnaSequence> taken,
            final Rejections rejected,
            final RandomGenerator random) {
        final DnaSequence[] alts = new DnaSequence[tiles.size()];
        int left = wanted;
        for (final int t : order(tiles.size(), wanted, covered, random)) {
            final Tile tile = tiles.get(t);
            final DnaSequence alt = Pairs.write(background, tile.site.sequence(), tile.offset);
            if (rejected.accept(check.violation(alt), taken.contains(alt))) {
                taken.add(alt);
                alts[t] = alt;
                covered[t] = true;
                if (--left == 0) {
                    break;
                }
            }
        }
        return alts;
    }

    /**
     * The order to try tiles on one background: all in order when at least a full background is
     * wanted; otherwise a seeded shuffle with tiles not yet covered first.
     */
    private static int[] order(
            final int n, final int wanted, final boolean[] covered, final RandomGenerator random) {
        final int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (wanted >= n) {
            return order;
        }
        for (int i = n - 1; i > 0; i--) {
            final int j = random.nextInt(i + 1);
            final int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        final int[] prioritized = new int[n];
        int k = 0;
        for (final int t : order) {
            if (!covered[t]) {
                prioritized[k++] = t;
            }
        }
        for (final int t : order) {
            if (covered[t]) {
                prioritized[k++] = t;
            }
        }
        return prioritized;
    }

    /** Every (site, orientation, offset), site-major, forward before reverse, offsets ascending. */
    private List<Tile> tiles() {
        final List<Tile> tiles = new ArrayList<>();
        for (final MotifSite site : sites) {
            final List<MotifSite> oriented =
                    site.isPalindrome() ? List.of(site) : List.of(site, site.reverseComplement());
            for (final MotifSite s : oriented) {
                for (int offset = 0; offset + s.length() <= length; offset++) {
                    tiles.add(new Tile(s, offset));
                }
            }
        }
        return tiles;
    }

    /** Rejects sites that do not fit or that break the constraints wherever they are written. */
    private void requireTileable() {
        for (final MotifSite site : sites) {
            if (site.length() > length) {
                throw new UnsatisfiableRequestException(
                        "motif %s (%s, %d bp) is longer than the %d-bp variable region; drop it or lengthen the region"
                                .formatted(site.name(), site.sequence(), site.length(), length));
            }
            if (site.sequence().longestHomopolymer() > constraints.maxHomopolymer()) {
                throw new UnsatisfiableRequestException(
                        "motif %s (%s) has a homopolymer of %d > maxHomopolymer %d, so every tile violates the constraints; drop the motif or raise maxHomopolymer"
                                .formatted(
                                        site.name(),
                                        site.sequence(),
                                        site.sequence().longestHomopolymer(),
                                        constraints.maxHomopolymer()));
            }
            for (final DnaSequence forbidden : constraints.forbiddenSites()) {
                if (site.sequence().containsEitherStrand(forbidden)) {
                    throw new UnsatisfiableRequestException(
                            "motif %s (%s) contains the forbidden site %s, so every tile violates the constraints; drop the motif or the forbidden site"
                                    .formatted(site.name(), site.sequence(), forbidden));
                }
            }
        }
    }

    /** One oriented site at one offset. */
    private record Tile(MotifSite site, int offset) {
        String method() {
            return "%s.%s@%d".formatted(METHOD, site.name(), offset);
        }
    }
}
