package io.dreamloop.designer.ga;

import io.dreamloop.contracts.sequence.DnaSequence;
import io.jenetics.CharacterGene;
import io.jenetics.Genotype;
import io.jenetics.engine.Codec;
import io.jenetics.util.ISeq;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The first population of a GA run: random, as both reference GAs start, or partly made from known
 * sequences (a campaign's best measured), so that a closed loop builds on what it has measured
 * instead of starting from random oligos every cycle, and designs where its models were trained.
 *
 * <p>From parents, the first {@code parents.size()} individuals are the parents themselves (never
 * returned when they are in the design's avoid set, but material for crossover); the rest of the
 * parents' share are mutants, each a parent in turn with {@code substitutions} bases changed at
 * distinct positions; the remainder of the population is random.
 *
 * @param parents variable regions to start from, definite; empty for a random start
 * @param share fraction of the population made from the parents, in [0, 1]; 0 without parents
 * @param substitutions bases changed in each mutant, at least 1 when there are parents
 */
public record GaStart(List<DnaSequence> parents, double share, int substitutions) {
    /** A random start, as the reference GAs have. */
    public static final GaStart RANDOM = new GaStart(List.of(), 0, 0);

    /**
     * @throws IllegalArgumentException naming what is out of range
     */
    public GaStart {
        parents = List.copyOf(parents);
        parents.forEach(DnaSequence::requireDefinite);
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in [0, 1], but was " + share);
        }
        if (parents.isEmpty() != (share == 0)) {
            throw new IllegalArgumentException(
                    "a start from parents needs a share > 0 and a share > 0 needs parents, but"
                            + " there were %d parents and share %s"
                                    .formatted(parents.size(), share));
        }
        if (substitutions < (parents.isEmpty() ? 0 : 1)) {
            throw new IllegalArgumentException(
                    "substitutions must be >= 1 with parents, but was " + substitutions);
        }
    }

    /**
     * Mutants of the best measured sequences for half of the population, random for the rest.
     *
     * @param best the parents, best first
     */
    public static GaStart fromBest(final List<DnaSequence> best, final int substitutions) {
        return best.isEmpty() ? RANDOM : new GaStart(best, 0.5, substitutions);
    }

    /** How the design's provenance records the start, e.g. {@code random}. */
    public String describe() {
        return parents.isEmpty()
                ? "random"
                : "%d parents, share %s, %d substitutions"
                        .formatted(parents.size(), share, substitutions);
    }

    /**
     * @throws IllegalArgumentException when a parent's length is not {@code length}
     */
    void requireLength(final int length) {
        for (final DnaSequence p : parents) {
            if (p.length() != length) {
                throw new IllegalArgumentException(
                        "a start parent has %d bases but the design space %d: %s"
                                .formatted(p.length(), length, p));
            }
        }
    }

    /** The first population of {@code size}, drawing from {@code random}. */
    ISeq<Genotype<CharacterGene>> genotypes(
            final Codec<DnaSequence, CharacterGene> codec,
            final int size,
            final RandomGenerator random) {
        final int fromParents = (int) Math.min(size, Math.round(share * size));
        final Stream<Genotype<CharacterGene>> known =
                IntStream.range(0, fromParents)
                        .mapToObj(
                                i -> {
                                    final DnaSequence parent = parents.get(i % parents.size());
                                    return DnaCodecs.encode(
                                            i < parents.size()
                                                    ? parent
                                                    : DnaCodecs.substituted(
                                                            parent, substitutions, random));
                                });
        return Stream.concat(known, codec.encoding().instances().limit(size - fromParents))
                .collect(ISeq.toISeq());
    }
}
