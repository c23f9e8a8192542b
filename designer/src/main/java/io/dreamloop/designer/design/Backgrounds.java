package io.dreamloop.designer.design;

import io.dreamloop.contracts.event.LibraryConstraints;
import io.dreamloop.contracts.event.LibraryMember;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.designer.constraint.ConstraintCheck;
import io.dreamloop.designer.constraint.UnsatisfiableRequestException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The random backgrounds motif pairs are built on: uniformly random variable regions, as the DREAM
 * 2022 {@code rand<n>} backgrounds were, drawn by {@link RandomLibraryDesigner} so they meet the
 * library's constraints and are new to the library.
 */
final class Backgrounds {
    /**
     * Random draws allowed per background before the constraints are declared unsatisfiable.
     * Backgrounds are few (tens), so a generous fixed bound costs nothing.
     */
    static final int DRAWS_PER_BACKGROUND = 10_000;

    private final int length;
    private final Flanks flanks;
    private final LibraryConstraints constraints;
    private final ConstraintCheck check;

    Backgrounds(final int length, final Flanks flanks, final LibraryConstraints constraints) {
        this.length = length;
        this.flanks = flanks;
        this.constraints = constraints;
        this.check = new ConstraintCheck(constraints, flanks);
    }

    /**
     * Draws {@code n} new backgrounds, none in {@code taken}.
     *
     * @throws UnsatisfiableRequestException when the constraints leave too few
     */
    List<DnaSequence> draw(
            final int n,
            final Set<DnaSequence> taken,
            final RandomGenerator random,
            final String what) {
        try {
            return new RandomLibraryDesigner(length, flanks, constraints, DRAWS_PER_BACKGROUND)
                    .design("background", n, taken, random).stream()
                            .map(LibraryMember::variable)
                            .toList();
        } catch (final UnsatisfiableRequestException e) {
            throw new UnsatisfiableRequestException(
                    "cannot draw backgrounds for %s: %s".formatted(what, e.getMessage()));
        }
    }

    /**
     * Checks caller-supplied backgrounds (or SNV references): the variable length, A/C/G/T only,
     * the constraints, each once, and none already in the library.
     *
     * @param noun what the sequences are, for messages: {@code background}, {@code reference}
     * @throws UnsatisfiableRequestException naming the first sequence that fails
     */
    void requireUsable(
            final List<DnaSequence> backgrounds, final Set<DnaSequence> avoid, final String noun) {
        if (backgrounds.isEmpty()) {
            throw new UnsatisfiableRequestException(
                    "no %ss given; pass at least one".formatted(noun));
        }
        final Set<DnaSequence> seen = new HashSet<>();
        for (int i = 0; i < backgrounds.size(); i++) {
            final DnaSequence b = backgrounds.get(i);
            final Optional<String> problem = problem(b, avoid, seen);
            if (problem.isPresent()) {
                throw new UnsatisfiableRequestException(
                        "%s %d (%s) %s".formatted(noun, i + 1, b, problem.get()));
            }
        }
    }

    private Optional<String> problem(
            final DnaSequence b, final Set<DnaSequence> avoid, final Set<DnaSequence> seen) {
        if (b.length() != length) {
            return Optional.of(
                    "has length %d, but the variable region is %d".formatted(b.length(), length));
        }
        if (!b.isDefinite()) {
            return Optional.of("contains N; a designed sequence must be A, C, G, T only");
        }
        final Optional<String> violation = check.violation(b);
        if (violation.isPresent()) {
            return Optional.of("violates the constraints: " + violation.get());
        }
        if (avoid.contains(b)) {
            return Optional.of("is already in the library");
        }
        if (!seen.add(b)) {
            return Optional.of("is given twice");
        }
        return Optional.empty();
    }
}
