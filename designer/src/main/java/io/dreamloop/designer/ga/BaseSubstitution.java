package io.dreamloop.designer.ga;

import io.jenetics.Alterer;
import io.jenetics.AltererResult;
import io.jenetics.CharacterGene;
import io.jenetics.Genotype;
import io.jenetics.Phenotype;
import io.jenetics.util.MSeq;
import io.jenetics.util.RandomRegistry;
import io.jenetics.util.Seq;
import java.util.random.RandomGenerator;

/**
 * Point mutation as in both reference GAs: each individual is mutated with probability {@code
 * individualProbability}; in a mutated individual each base is substituted with probability {@code
 * rate}, by one of the <em>three other</em> bases, uniformly.
 *
 * <p>Jenetics' {@code Mutator} cannot express this: it spreads one probability over genotype,
 * chromosome and gene, and may redraw a gene's own value. The reference code has the second flaw
 * too ({@code G} draws from {@code C, G, T} and {@code T} from {@code C, G, T}, so a "mutation" may
 * change nothing and {@code T} never becomes {@code A}); we fix it, so the realised substitution
 * rate is the configured one for every base.
 *
 * <p>Individuals whose bases did not change keep their phenotype and fitness, so they are not
 * scored again. The alteration count is the number of substituted bases.
 *
 * @param <C> the fitness type
 */
public final class BaseSubstitution<C extends Comparable<? super C>>
        implements Alterer<CharacterGene, C> {
    private final double individualProbability;
    private final double rate;

    /**
     * @param individualProbability chance that an individual is mutated, in [0, 1]
     * @param rate per-base substitution chance in a mutated individual, in [0, 1]
     */
    public BaseSubstitution(final double individualProbability, final double rate) {
        if (!(individualProbability >= 0 && individualProbability <= 1)) {
            throw new IllegalArgumentException(
                    "individualProbability must be in [0, 1], but was " + individualProbability);
        }
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be in [0, 1], but was " + rate);
        }
        this.individualProbability = individualProbability;
        this.rate = rate;
    }

    @Override
    public AltererResult<CharacterGene, C> alter(
            final Seq<Phenotype<CharacterGene, C>> population, final long generation) {
        final RandomGenerator random = RandomRegistry.random();
        final MSeq<Phenotype<CharacterGene, C>> result = MSeq.of(population);
        int substitutions = 0;
        for (int i = 0; i < result.size(); i++) {
            if (random.nextDouble() < individualProbability) {
                final Genotype<CharacterGene> genotype = result.get(i).genotype();
                final char[] bases = DnaCodecs.bases(genotype);
                int changed = 0;
                for (int j = 0; j < bases.length; j++) {
                    if (random.nextDouble() < rate) {
                        bases[j] = substitute(bases[j], random);
                        changed++;
                    }
                }
                if (changed > 0) {
                    result.set(i, Phenotype.of(DnaCodecs.genotype(genotype, bases), generation));
                    substitutions += changed;
                }
            }
        }
        return new AltererResult<>(result.toISeq(), substitutions);
    }

    /** One of the three bases other than {@code base}, uniformly. */
    static char substitute(final char base, final RandomGenerator random) {
        return DnaCodecs.ALPHABET.charAt((DnaCodecs.index(base) + 1 + random.nextInt(3)) % 4);
    }
}
