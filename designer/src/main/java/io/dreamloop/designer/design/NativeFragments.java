package io.dreamloop.designer.design;

import io.dreamloop.contracts.event.LibraryConstraints;
import io.dreamloop.contracts.event.LibraryMember;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.contracts.sequence.Subset;
import io.dreamloop.designer.constraint.ConstraintCheck;
import io.dreamloop.designer.constraint.UnsatisfiableRequestException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The native subset: fragments of the variable length cut from user-supplied promoter sequences,
 * like the DREAM 2022 yeast promoter fragments ({@code YDL047W.5}).
 *
 * <p>The candidate windows of a promoter start at {@code 0, stride, 2·stride, …} and lie wholly
 * inside it; promoters shorter than the variable region give none. {@code stride = 1} makes every
 * window a candidate (random windows), {@code stride = length} cuts non-overlapping tiles. Windows
 * are visited in a seeded uniformly random order and taken while they are definite (no {@code N}),
 * meet the constraints, are new to the library and are at least {@link
 * LibraryConstraints#minHammingDistance()} from the fragments already taken; so a request for every
 * window gets every usable one, and a smaller request an unbiased sample. The result is listed by
 * promoter (FASTA order) and start.
 *
 * <p>Method: {@code native.<record name>@<start>}, with the 0-based start in the promoter.
 */
public final class NativeFragments {
    /** Method prefix of every member. */
    public static final String METHOD = "native";

    /** Longest record name accepted, so that the method fits its 128-character column. */
    public static final int MAX_NAME_LENGTH = 100;

    private final int length;
    private final LibraryConstraints constraints;
    private final ConstraintCheck check;
    private final List<FastaRecord> promoters;
    private final int stride;

    /**
     * @param promoters the promoter sequences, e.g. from {@link FastaReader}; names distinct
     * @param stride distance between the starts of candidate windows, at least 1
     */
    public NativeFragments(
            final int length,
            final Flanks flanks,
            final LibraryConstraints constraints,
            final List<FastaRecord> promoters,
            final int stride) {
        this.length = length;
        this.constraints = constraints;
        this.check = new ConstraintCheck(constraints, flanks);
        this.promoters = List.copyOf(Objects.requireNonNull(promoters, "promoters"));
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be >= 1, but was " + stride);
        }
        this.stride = stride;
        final Set<String> names = new HashSet<>();
        for (final FastaRecord r : this.promoters) {
            if (r.name().length() > MAX_NAME_LENGTH) {
                throw new IllegalArgumentException(
                        "promoter name '%s…' is longer than %d characters; shorten the FASTA headers"
                                .formatted(r.name().substring(0, 20), MAX_NAME_LENGTH));
            }
            if (!names.add(r.name())) {
                throw new IllegalArgumentException(
                        "promoter name '%s' is given twice".formatted(r.name()));
            }
        }
    }

    /** Number of candidate windows over all promoters. */
    public long windows() {
        long total = 0;
        for (final FastaRecord r : promoters) {
            total += windowsOf(r);
        }
        return total;
    }

    /**
     * Designs {@code count} fragments with ids {@code <prefix>-native-<n>}.
     *
     * @param avoid sequences already in the library, never repeated
     * @throws UnsatisfiableRequestException when the promoters give fewer usable windows than
     *     {@code count}
     */
    public List<LibraryMember> design(
            final String idPrefix,
            final int count,
            final Set<DnaSequence> avoid,
            final RandomGenerator random) {
        Pairs.requireCount(count);
        check.requireSatisfiable(length);
        final long[] firstWindow = new long[promoters.size() + 1];
        for (int r = 0; r < promoters.size(); r++) {
            firstWindow[r + 1] = firstWindow[r] + windowsOf(promoters.get(r));
        }
        final long total = firstWindow[promoters.size()];
        if (count > total) {
            throw new UnsatisfiableRequestException(
                    "asks for %d native fragments, but the %d promoters give only %d windows of %d bp at stride %d; supply more or longer promoters, or use a smaller stride"
                            .formatted(count, promoters.size(), total, length, stride));
        }
        final List<Fragment> chosen = choose(count, firstWindow, avoid, random);
        chosen.sort(Comparator.comparingInt(Fragment::promoter).thenComparingInt(Fragment::start));
        return members(idPrefix, chosen);
    }

    /**
     * Walks the windows in a seeded random order and keeps the first {@code count} usable ones:
     * without {@code N}, within the constraints, new and far enough from those kept.
     */
    private List<Fragment> choose(
            final int count,
            final long[] firstWindow,
            final Set<DnaSequence> avoid,
            final RandomGenerator random) {
        final long total = firstWindow[promoters.size()];
        final Set<DnaSequence> taken = new HashSet<>(avoid);
        final List<Fragment> chosen = new ArrayList<>(count);
        final Map<Long, Long> swapped = new HashMap<>();
        final Rejections rejected = new Rejections();
        int withN = 0;
        int tooClose = 0;
        for (long i = 0; chosen.size() < count; i++) {
            if (i == total) {
                throw tooFew(chosen.size(), count, total, withN, rejected, tooClose);
            }
            final long window = nextWindow(i, total, swapped, random);
            final int r = promoter(firstWindow, window);
            final int start = (int) ((window - firstWindow[r]) * stride);
            final String bases = promoters.get(r).bases().substring(start, start + length);
            if (bases.indexOf('N') >= 0) {
                withN++;
                continue;
            }
            final DnaSequence fragment = DnaSequence.of(bases);
            if (!rejected.accept(check.violation(fragment), taken.contains(fragment))) {
                continue;
            }
            if (tooClose(fragment, chosen)) {
                tooClose++;
                continue;
            }
            taken.add(fragment);
            chosen.add(new Fragment(r, start, fragment));
        }
        return chosen;
    }

    private UnsatisfiableRequestException tooFew(
            final int found,
            final int count,
            final long total,
            final int withN,
            final Rejections rejected,
            final int tooClose) {
        return new UnsatisfiableRequestException(
                "found only %d of %d native fragments among %d windows (%d with N, %s, %d closer than Hamming %d); supply more promoters, use a smaller stride or loosen the constraints"
                        .formatted(
                                found,
                                count,
                                total,
                                withN,
                                rejected,
                                tooClose,
                                constraints.minHammingDistance()));
    }

    private List<LibraryMember> members(final String idPrefix, final List<Fragment> chosen) {
        final List<LibraryMember> members = new ArrayList<>(chosen.size());
        for (final Fragment f : chosen) {
            members.add(
                    new LibraryMember(
                            "%s-%s-%06d"
                                    .formatted(idPrefix, Subset.NATIVE.wireName(), members.size()),
                            Subset.NATIVE,
                            null,
                            f.bases,
                            "%s.%s@%d".formatted(METHOD, promoters.get(f.promoter).name(), f.start),
                            null));
        }
        return members;
    }

    private long windowsOf(final FastaRecord promoter) {
        return promoter.length() < length ? 0 : (promoter.length() - length) / stride + 1;
    }

    /**
     * The {@code i}-th element of a seeded random permutation of {@code [0, total)}, drawn lazily:
     * a Fisher–Yates shuffle that stores only the positions it has swapped.
     */
    private static long nextWindow(
            final long i,
            final long total,
            final Map<Long, Long> swapped,
            final RandomGenerator random) {
        final long j = i + random.nextLong(total - i);
        final long atJ = swapped.getOrDefault(j, j);
        swapped.put(j, swapped.getOrDefault(i, i));
        swapped.remove(i);
        return atJ;
    }

    /** The promoter whose windows include global window index {@code window}. */
    private static int promoter(final long[] firstWindow, final long window) {
        final int found = Arrays.binarySearch(firstWindow, window);
        int r = found >= 0 ? found : -found - 2;
        while (firstWindow[r + 1] == firstWindow[r]) {
            r++; // skip promoters without windows, which share their first index with the next
        }
        return r;
    }

    private boolean tooClose(final DnaSequence candidate, final List<Fragment> chosen) {
        final int min = constraints.minHammingDistance();
        if (min <= 1) {
            return false;
        }
        for (final Fragment f : chosen) {
            if (candidate.hammingDistance(f.bases) < min) {
                return true;
            }
        }
        return false;
    }

    /** A chosen window: promoter index, 0-based start, bases. */
    private record Fragment(int promoter, int start, DnaSequence bases) {}
}
