package io.dreamloop.designer.design;

import io.dreamloop.contracts.event.LibraryConstraints;
import io.dreamloop.contracts.event.LibraryMember;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.contracts.sequence.Subset;
import io.dreamloop.designer.constraint.ConstraintCheck;
import io.dreamloop.designer.constraint.UnsatisfiableRequestException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The motif-perturbation subset: a site written into a random background at a fixed position, then
 * 1 to {@value #MAX_SNVS} of its bases changed; pair = (perturbed site in the background, the
 * background without the site).
 *
 * <p>The pairing follows the real DREAM 2022 data: in {@code motif_perturbation_seqs.csv} every ref
 * is the bare background ({@code rand466}), never the intact site, and every Reb1 alt (e.g. {@code
 * rand466_Reb1.s_0A.2A_20}: the site at offset 20, then site base 0 → A and 2 → A) differs from its
 * ref only inside the site. The pair therefore measures what the mutated site still does relative
 * to no site at all.
 *
 * <p>Families are (background, site, orientation); pairs go round-robin over them, so each gets
 * {@code count / families} pairs give or take one, and are listed family by family. Within a family
 * each pair draws the number of SNVs uniformly from those with variants left, then a variant
 * without replacement: distinct positions of the site, each changed to one of the three other
 * bases. A variant that violates the constraints or repeats a library sequence is skipped; this
 * includes a variant of one orientation that equals one of the other, which happens for short sites
 * or sites close to their reverse complement (a palindrome has one orientation only). Only as many
 * backgrounds as the count needs are used, at most {@code backgrounds}, and more are added only
 * when the first ones run out of usable variants.
 *
 * <p>Shared refs: the background is the ref of each of its pairs, one copy per pair, each with its
 * own id; see {@link SnvPairs} for why.
 *
 * <p>Methods: alt {@code motif-perturbation.<site>[.rc]@<position>:<i><base>.<j><base>…} with
 * 0-based site positions in ascending order, e.g. {@code motif-perturbation.reb1@20:0A.2A}, the
 * DREAM tag notation; ref {@value #REF_METHOD}.
 */
public final class MotifPerturbation {
    /** Method prefix of the alt members. */
    public static final String METHOD = "motif-perturbation";

    /** Method of the ref members. */
    public static final String REF_METHOD = "motif-perturbation.background";

    /** Most SNVs in one perturbed site. */
    public static final int MAX_SNVS = 3;

    /** Offset in the variable region where DREAM 2022 wrote its Reb1 sites. */
    public static final int DREAM_POSITION = 20;

    private final int length;
    private final ConstraintCheck check;
    private final Backgrounds backgrounds;
    private final List<MotifSite> sites;
    private final int position;
    private final int maxBackgrounds;

    /**
     * @param sites the sites to perturb, e.g. {@link MotifCatalog#perturbationSites()}; names
     *     distinct
     * @param position 0-based offset in the variable region where each site starts
     * @param backgrounds most random backgrounds to draw, at least 1 (DREAM 2022 used 10)
     */
    public MotifPerturbation(
            final int length,
            final Flanks flanks,
            final LibraryConstraints constraints,
            final List<MotifSite> sites,
            final int position,
            final int backgrounds) {
        this.length = length;
        this.check = new ConstraintCheck(constraints, flanks);
        this.backgrounds = new Backgrounds(length, flanks, constraints);
        this.sites = orientations(MotifSite.requireDistinct(sites));
        this.position = position;
        if (backgrounds < 1) {
            throw new IllegalArgumentException("backgrounds must be >= 1, but was " + backgrounds);
        }
        this.maxBackgrounds = backgrounds;
    }

    /**
     * Designs {@code count} pairs on random backgrounds, ids {@code
     * <prefix>-motif-perturbation-<n>-alt} and {@code -ref}.
     *
     * @param avoid sequences already in the library, never repeated
     * @throws UnsatisfiableRequestException when a site does not fit at the position or {@code
     *     count} exceeds the variants the backgrounds allow
     */
    public List<LibraryMember> design(
            final String idPrefix,
            final int count,
            final Set<DnaSequence> avoid,
            final RandomGenerator random) {
        return perturb(idPrefix, count, null, avoid, random);
    }

    /**
     * Designs {@code count} pairs on the given backgrounds, used in order and only as many as
     * needed.
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
        return perturb(idPrefix, count, List.copyOf(backgrounds), avoid, random);
    }

    private List<LibraryMember> perturb(
            final String idPrefix,
            final int count,
            final List<DnaSequence> given,
            final Set<DnaSequence> avoid,
            final RandomGenerator random) {
        Pairs.requireCount(count);
        check.requireSatisfiable(length);
        requireFit();
        final int limit = given != null ? given.size() : maxBackgrounds;
        requireEnoughVariants(count, limit);
        final Set<DnaSequence> taken = new HashSet<>(avoid);
        if (given != null) {
            backgrounds.requireUsable(given, avoid, "background");
        }
        final List<Perturbed> made = drawRoundRobin(count, given, limit, taken, random);
        made.sort(Comparator.comparingInt(p -> p.family.index)); // stable: draw order within one
        return members(idPrefix, made);
    }

    /** Fails early when even every variant on every allowed background could not give count. */
    private void requireEnoughVariants(final int count, final int limit) {
        final long perBackground = sites.stream().mapToLong(s -> variants(s.length())).sum();
        if (count > perBackground * limit) {
            throw new UnsatisfiableRequestException(
                    "asks for %d perturbation pairs, but %d site orientations with 1-%d SNVs allow %d variants per background × %d backgrounds = %d; use more backgrounds or ask for fewer pairs"
                            .formatted(
                                    count,
                                    sites.size(),
                                    MAX_SNVS,
                                    perBackground,
                                    limit,
                                    perBackground * limit));
        }
    }

    /**
     * Draws {@code count} variants, one family at a time in turn; a new background opens only while
     * fewer than the needed ones are in use or when every open family is exhausted.
     */
    private List<Perturbed> drawRoundRobin(
            final int count,
            final List<DnaSequence> given,
            final int limit,
            final Set<DnaSequence> taken,
            final RandomGenerator random) {
        final int needed = Math.min(limit, (count + sites.size() - 1) / sites.size());
        final List<DnaSequence> used = new ArrayList<>();
        final List<Family> open = new ArrayList<>();
        final List<Perturbed> made = new ArrayList<>(count);
        final Rejections rejected = new Rejections();
        int next = 0;
        while (made.size() < count) {
            if (open.isEmpty() || used.size() < needed) {
                if (used.size() == limit) {
                    throw new UnsatisfiableRequestException(
                            "found only %d of %d perturbation pairs: every variant on the %d backgrounds was used or rejected (%s); use more backgrounds or loosen the constraints"
                                    .formatted(made.size(), count, limit, rejected));
                }
                final DnaSequence background = nextBackground(given, used.size(), taken, random);
                taken.add(background);
                open.addAll(families(background, used.size()));
                used.add(background);
                continue;
            }
            next %= open.size();
            final Family family = open.get(next);
            final Optional<Perturbed> variant = family.next(random, taken, rejected);
            if (family.exhausted()) {
                open.remove(next);
            } else {
                next++;
            }
            variant.ifPresent(made::add);
        }
        return made;
    }

    /** The {@code index}-th given background, or else a new random one. */
    private DnaSequence nextBackground(
            final List<DnaSequence> given,
            final int index,
            final Set<DnaSequence> taken,
            final RandomGenerator random) {
        return given != null
                ? given.get(index)
                : backgrounds.draw(1, taken, random, "motif perturbation").getFirst();
    }

    /**
     * One family per site orientation on the {@code number}-th background; family indices run on
     * across backgrounds, so sorting by them lists the pairs background by background.
     */
    private List<Family> families(final DnaSequence background, final int number) {
        final List<Family> out = new ArrayList<>(sites.size());
        for (int i = 0; i < sites.size(); i++) {
            out.add(new Family(number * sites.size() + i, background, sites.get(i)));
        }
        return out;
    }

    /** The pairs in order, each as (alt, ref) members numbered from 0. */
    private static List<LibraryMember> members(final String idPrefix, final List<Perturbed> made) {
        final List<LibraryMember> members = new ArrayList<>(2 * made.size());
        for (int pair = 0; pair < made.size(); pair++) {
            final Perturbed p = made.get(pair);
            members.addAll(
                    Pairs.pair(
                            idPrefix,
                            Subset.MOTIF_PERTURBATION,
                            pair,
                            p.alt,
                            p.method,
                            p.family.background,
                            REF_METHOD));
        }
        return members;
    }

    private void requireFit() {
        if (position < 0) {
            throw new UnsatisfiableRequestException(
                    "site position must be >= 0, but was %d".formatted(position));
        }
        for (final MotifSite site : sites) {
            if (position + site.length() > length) {
                throw new UnsatisfiableRequestException(
                        "site %s (%d bp) at position %d does not fit the %d-bp variable region; use a position of at most %d or a shorter site"
                                .formatted(
                                        site.name(),
                                        site.length(),
                                        position,
                                        length,
                                        length - site.length()));
            }
        }
    }

    /** Each site, then its reverse complement unless it is a palindrome. */
    private static List<MotifSite> orientations(final List<MotifSite> sites) {
        final List<MotifSite> out = new ArrayList<>();
        for (final MotifSite s : sites) {
            out.add(s);
            if (!s.isPalindrome()) {
                out.add(s.reverseComplement());
            }
        }
        return List.copyOf(out);
    }

    /** Number of variants with 1 to {@value #MAX_SNVS} SNVs in a site of length {@code m}. */
    static long variants(final int m) {
        long total = 0;
        long choose = 1; // C(m, k)
        long threes = 1; // 3^k
        for (int k = 1; k <= Math.min(MAX_SNVS, m); k++) {
            choose = choose * (m - k + 1) / k;
            threes *= 3;
            total += choose * threes;
        }
        return total;
    }

    /** A designed alt with its family and method. */
    private record Perturbed(Family family, DnaSequence alt, String method) {}

    /** One oriented site on one background, with the variants not yet tried, by SNV count. */
    private final class Family {
        private final int index;
        private final DnaSequence background;
        private final MotifSite site;
        private final List<List<int[]>> untried = new ArrayList<>();

        Family(final int index, final DnaSequence background, final MotifSite site) {
            this.index = index;
            this.background = background;
            this.site = site;
            for (int k = 1; k <= Math.min(MAX_SNVS, site.length()); k++) {
                final List<int[]> ofK = new ArrayList<>();
                enumerate(new int[2 * k], 0, 0, ofK);
                untried.add(ofK);
            }
        }

        boolean exhausted() {
            return untried.stream().allMatch(List::isEmpty);
        }

        /** The next untried variant that meets the constraints and is new, if any is left. */
        Optional<Perturbed> next(
                final RandomGenerator random,
                final Set<DnaSequence> taken,
                final Rejections rejected) {
            while (!exhausted()) {
                final List<List<int[]>> left = untried.stream().filter(l -> !l.isEmpty()).toList();
                final List<int[]> ofK = left.get(random.nextInt(left.size()));
                final int i = random.nextInt(ofK.size());
                final int[] snvs = ofK.get(i);
                ofK.set(i, ofK.getLast());
                ofK.removeLast();
                final char[] bases = site.sequence().bases().toCharArray();
                final StringBuilder method =
                        new StringBuilder("%s.%s@%d:".formatted(METHOD, site.name(), position));
                for (int j = 0; j < snvs.length; j += 2) {
                    bases[snvs[j]] = other(bases[snvs[j]], snvs[j + 1]);
                    method.append(j == 0 ? "" : ".").append(snvs[j]).append(bases[snvs[j]]);
                }
                final DnaSequence alt =
                        Pairs.write(background, DnaSequence.of(new String(bases)), position);
                if (rejected.accept(check.violation(alt), taken.contains(alt))) {
                    taken.add(alt);
                    return Optional.of(new Perturbed(this, alt, method.toString()));
                }
            }
            return Optional.empty();
        }

        /**
         * Adds every choice of ascending positions from {@code from} and other-base indices for the
         * slots from {@code slot} on; {@code snvs} holds (position, base index) per slot.
         */
        private void enumerate(
                final int[] snvs, final int slot, final int from, final List<int[]> out) {
            if (slot == snvs.length) {
                out.add(snvs.clone());
                return;
            }
            for (int p = from; p < site.length(); p++) {
                snvs[slot] = p;
                for (int b = 0; b < 3; b++) {
                    snvs[slot + 1] = b;
                    enumerate(snvs, slot + 2, p + 1, out);
                }
            }
        }
    }

    /** The {@code index}-th (0-2) of the three bases other than {@code base}. */
    private static char other(final char base, final int index) {
        return DnaSequence.BASES.replace(String.valueOf(base), "").charAt(index);
    }
}
