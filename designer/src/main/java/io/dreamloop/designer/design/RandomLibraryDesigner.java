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
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The random subset: uniformly random variable regions (each base A, C, G, T with probability 1/4,
 * as in the DREAM training library) that meet the library's constraints, all distinct and at least
 * the minimum Hamming distance apart.
 */
public final class RandomLibraryDesigner {
    /** Method name recorded with every member. */
    public static final String METHOD = "random";

    private final int length;
    private final LibraryConstraints constraints;
    private final ConstraintCheck check;
    private final int drawsPerSequence;

    public RandomLibraryDesigner(
            final int length,
            final Flanks flanks,
            final LibraryConstraints constraints,
            final int drawsPerSequence) {
        this.length = length;
        this.constraints = constraints;
        this.check = new ConstraintCheck(constraints, flanks);
        this.drawsPerSequence = drawsPerSequence;
    }

    /**
     * Designs {@code count} members with ids {@code <prefix>-random-<n>}.
     *
     * @param avoid sequences already in the library (other subsets), never repeated
     * @throws UnsatisfiableRequestException when the constraints leave too few sequences
     */
    public List<LibraryMember> design(
            final String idPrefix,
            final int count,
            final Set<DnaSequence> avoid,
            final RandomGenerator random) {
        check.requireSatisfiable(length);
        final List<DnaSequence> chosen = choose(count, avoid, random);
        final List<LibraryMember> members = new ArrayList<>(count);
        for (final DnaSequence sequence : chosen) {
            members.add(
                    new LibraryMember(
                            "%s-random-%06d".formatted(idPrefix, members.size()),
                            Subset.RANDOM,
                            null,
                            sequence,
                            METHOD,
                            null));
        }
        return members;
    }

    /**
     * Draws until {@code count} sequences meet the constraints, are new and far enough apart, or
     * the draw budget ({@code drawsPerSequence} per sequence) runs out.
     */
    private List<DnaSequence> choose(
            final int count, final Set<DnaSequence> avoid, final RandomGenerator random) {
        final Set<DnaSequence> taken = new HashSet<>(avoid);
        final List<DnaSequence> chosen = new ArrayList<>(count);
        final long maxDraws = (long) drawsPerSequence * count;
        long draws = 0;
        final int[] rejected = new int[3]; // constraints, duplicate, too close
        while (chosen.size() < count) {
            if (draws++ >= maxDraws) {
                throw tooFew(chosen.size(), count, maxDraws, rejected);
            }
            final DnaSequence candidate = draw(random);
            if (check.violation(candidate).isPresent()) {
                rejected[0]++;
            } else if (taken.contains(candidate)) {
                rejected[1]++;
            } else if (tooClose(candidate, chosen)) {
                rejected[2]++;
            } else {
                taken.add(candidate);
                chosen.add(candidate);
            }
        }
        return chosen;
    }

    private UnsatisfiableRequestException tooFew(
            final int found, final int count, final long maxDraws, final int[] rejected) {
        return new UnsatisfiableRequestException(
                "found only %d of %d random sequences of length %d after %,d draws (rejected: %d by GC/homopolymer/sites, %d duplicates, %d closer than Hamming %d); loosen the constraints or ask for fewer"
                        .formatted(
                                found,
                                count,
                                length,
                                maxDraws,
                                rejected[0],
                                rejected[1],
                                rejected[2],
                                constraints.minHammingDistance()));
    }

    private DnaSequence draw(final RandomGenerator random) {
        final char[] bases = new char[length];
        for (int i = 0; i < length; i++) {
            bases[i] = DnaSequence.BASES.charAt(random.nextInt(DnaSequence.BASES.length()));
        }
        return DnaSequence.of(new String(bases));
    }

    /** True if {@code candidate} is within the minimum Hamming distance of a chosen sequence. */
    private boolean tooClose(final DnaSequence candidate, final List<DnaSequence> chosen) {
        final int min = constraints.minHammingDistance();
        if (min <= 1) {
            return false; // distinctness is already guaranteed by the set
        }
        for (final DnaSequence other : chosen) {
            if (candidate.hammingDistanceBelow(other, min)) {
                return true;
            }
        }
        return false;
    }
}
