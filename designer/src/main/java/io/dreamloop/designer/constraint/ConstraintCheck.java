package io.dreamloop.designer.constraint;

import io.dreamloop.contracts.event.LibraryConstraints;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import java.util.Optional;

/** Tells whether a variable region meets a library's constraints, and if not, why. */
public final class ConstraintCheck {
    private final LibraryConstraints constraints;
    private final Flanks flanks;

    public ConstraintCheck(final LibraryConstraints constraints, final Flanks flanks) {
        this.constraints = constraints;
        this.flanks = flanks;
    }

    /**
     * Rejects constraints no sequence of this length can meet, before any search.
     *
     * @throws UnsatisfiableRequestException naming the contradiction
     */
    public void requireSatisfiable(final int length) {
        final long minGcBases = (long) Math.ceil(constraints.minGc() * length - 1e-9);
        final long maxGcBases = (long) Math.floor(constraints.maxGc() * length + 1e-9);
        if (minGcBases > maxGcBases) {
            throw new UnsatisfiableRequestException(
                    "no sequence of length %d has a GC fraction in [%s, %s]: it would need between %d and %d G/C bases"
                            .formatted(
                                    length,
                                    constraints.minGc(),
                                    constraints.maxGc(),
                                    minGcBases,
                                    maxGcBases));
        }
        for (final DnaSequence site : constraints.forbiddenSites()) {
            if (flanks.upstream().containsEitherStrand(site)
                    || flanks.downstream().containsEitherStrand(site)) {
                throw new UnsatisfiableRequestException(
                        "forbidden site %s occurs in the constant flanks, so every oligo would contain it"
                                .formatted(site));
            }
        }
    }

    /** Why {@code variable} violates the constraints, or empty if it meets them. */
    public Optional<String> violation(final DnaSequence variable) {
        final double gc = variable.gcFraction();
        if (gc < constraints.minGc() || gc > constraints.maxGc()) {
            return Optional.of(
                    "GC fraction %.3f outside [%s, %s]"
                            .formatted(gc, constraints.minGc(), constraints.maxGc()));
        }
        if (variable.longestHomopolymer() > constraints.maxHomopolymer()) {
            return Optional.of(
                    "homopolymer of %d > %d"
                            .formatted(
                                    variable.longestHomopolymer(), constraints.maxHomopolymer()));
        }
        if (!constraints.forbiddenSites().isEmpty()) {
            final DnaSequence oligo = flanks.wrap(variable);
            for (final DnaSequence site : constraints.forbiddenSites()) {
                if (oligo.containsEitherStrand(site)) {
                    return Optional.of("contains forbidden site " + site);
                }
            }
        }
        return Optional.empty();
    }
}
