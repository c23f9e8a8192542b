package io.dreamloop.designer.ga;

import io.jenetics.Alterer;
import io.jenetics.AltererResult;
import io.jenetics.CharacterGene;
import io.jenetics.Genotype;
import io.jenetics.Phenotype;
import io.jenetics.util.MSeq;
import io.jenetics.util.RandomRegistry;
import io.jenetics.util.Seq;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * DEAP's {@code varAnd} crossover step with {@code cxTwoPoint}: the consecutive pairs (0,1), (2,3),
 * ... are each recombined with probability {@code probability} by swapping the segment between two
 * distinct cut points; an odd last individual is left alone.
 *
 * <p>Jenetics' {@code MultiPointCrossover} instead picks each individual with the probability and
 * mates it with a random partner, which recombines about twice as many individuals. After
 * tournament or NSGA-II selection the order of the population carries no meaning that consecutive
 * pairing would exploit, so pairing neighbours is as random as the reference's.
 *
 * <p>Children equal to their parents (identical segments) keep the parents' phenotypes and fitness.
 * The alteration count is the number of recombined individuals.
 *
 * @param <C> the fitness type
 */
public final class PairedTwoPointCrossover<C extends Comparable<? super C>>
        implements Alterer<CharacterGene, C> {
    private final double probability;

    /**
     * @param probability chance that a pair is recombined, in [0, 1]
     */
    public PairedTwoPointCrossover(final double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException(
                    "probability must be in [0, 1], but was " + probability);
        }
        this.probability = probability;
    }

    @Override
    public AltererResult<CharacterGene, C> alter(
            final Seq<Phenotype<CharacterGene, C>> population, final long generation) {
        final RandomGenerator random = RandomRegistry.random();
        final MSeq<Phenotype<CharacterGene, C>> result = MSeq.of(population);
        int recombined = 0;
        for (int i = 0; i + 1 < result.size(); i += 2) {
            if (random.nextDouble() < probability) {
                final Genotype<CharacterGene> first = result.get(i).genotype();
                final Genotype<CharacterGene> second = result.get(i + 1).genotype();
                final char[] a = DnaCodecs.bases(first);
                final char[] b = DnaCodecs.bases(second);
                final int size = Math.min(a.length, b.length);
                if (size < 2) {
                    continue;
                }
                // cxTwoPoint: cut points in [1, size], distinct, ordered.
                int from = 1 + random.nextInt(size);
                int to = 1 + random.nextInt(size - 1);
                if (to >= from) {
                    to++;
                } else {
                    final int swap = from;
                    from = to;
                    to = swap;
                }
                if (Arrays.equals(a, from, to, b, from, to)) {
                    continue;
                }
                final char[] segment = Arrays.copyOfRange(a, from, to);
                System.arraycopy(b, from, a, from, to - from);
                System.arraycopy(segment, 0, b, from, to - from);
                result.set(i, Phenotype.of(DnaCodecs.genotype(first, a), generation));
                result.set(i + 1, Phenotype.of(DnaCodecs.genotype(second, b), generation));
                recombined += 2;
            }
        }
        return new AltererResult<>(result.toISeq(), recombined);
    }
}
