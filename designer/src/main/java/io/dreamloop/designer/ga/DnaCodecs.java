package io.dreamloop.designer.ga;

import io.dreamloop.contracts.sequence.DnaSequence;
import io.jenetics.CharacterChromosome;
import io.jenetics.CharacterGene;
import io.jenetics.Chromosome;
import io.jenetics.Genotype;
import io.jenetics.engine.Codec;
import io.jenetics.util.CharSeq;
import io.jenetics.util.ISeq;
import io.jenetics.util.MSeq;
import io.jenetics.util.RandomRegistry;
import java.util.random.RandomGenerator;

/**
 * The one mapping between Jenetics genotypes and {@link DnaSequence}: one {@link
 * CharacterChromosome} with one gene per base over {@code A, C, G, T}.
 *
 * <p>Genes are shared: there is one immutable {@link CharacterGene} per base, so a population of
 * 100,000 80-bp individuals holds references to four genes instead of eight million gene objects.
 */
public final class DnaCodecs {
    /** The alphabet, in index order: {@code A=0, C=1, G=2, T=3}. */
    public static final CharSeq ALPHABET = CharSeq.of(DnaSequence.BASES);

    private static final ISeq<CharacterGene> GENES =
            ISeq.of(
                    CharacterGene.of('A', ALPHABET),
                    CharacterGene.of('C', ALPHABET),
                    CharacterGene.of('G', ALPHABET),
                    CharacterGene.of('T', ALPHABET));

    private DnaCodecs() {}

    /**
     * A codec of variable regions of {@code length} bases; new genotypes draw every base uniformly
     * from {@link RandomRegistry#random()}, as the DREAM random library and both reference GAs do.
     */
    public static Codec<DnaSequence, CharacterGene> ofLength(final int length) {
        if (length < 1) {
            throw new IllegalArgumentException("length must be >= 1, but was " + length);
        }
        final CharacterChromosome prototype = CharacterChromosome.of(ALPHABET, length);
        return Codec.of(
                () -> {
                    final RandomGenerator random = RandomRegistry.random();
                    final char[] bases = new char[length];
                    for (int i = 0; i < length; i++) {
                        bases[i] = ALPHABET.charAt(random.nextInt(4));
                    }
                    return genotype(prototype, bases);
                },
                DnaCodecs::decode);
    }

    /** The sequence a genotype stands for. */
    public static DnaSequence decode(final Genotype<CharacterGene> genotype) {
        return DnaSequence.of(new String(bases(genotype)));
    }

    /** The genotype of a definite sequence, e.g. to seed a population. */
    public static Genotype<CharacterGene> encode(final DnaSequence sequence) {
        sequence.requireDefinite();
        return genotype(
                CharacterChromosome.of(ALPHABET, sequence.length()),
                sequence.bases().toCharArray());
    }

    /** The bases of a genotype's only chromosome, as a new array. */
    public static char[] bases(final Genotype<CharacterGene> genotype) {
        final var chromosome = genotype.chromosome();
        final char[] bases = new char[chromosome.length()];
        for (int i = 0; i < bases.length; i++) {
            bases[i] = chromosome.get(i).charValue();
        }
        return bases;
    }

    /**
     * A genotype like {@code template} (same chromosome type and length) holding {@code bases}.
     *
     * @throws IllegalArgumentException when a base is not {@code A, C, G, T}
     */
    public static Genotype<CharacterGene> genotype(
            final Genotype<CharacterGene> template, final char[] bases) {
        return genotype(template.chromosome(), bases);
    }

    private static Genotype<CharacterGene> genotype(
            final Chromosome<CharacterGene> template, final char[] bases) {
        final MSeq<CharacterGene> genes = MSeq.ofLength(bases.length);
        for (int i = 0; i < bases.length; i++) {
            genes.set(i, gene(bases[i]));
        }
        return Genotype.of(template.newInstance(genes.toISeq()));
    }

    /**
     * {@code sequence} with {@code count} bases, at distinct positions drawn from {@code random},
     * each changed to one of the three other bases (all of them when {@code count} exceeds the
     * length).
     *
     * @throws IllegalArgumentException when the sequence is not definite or count is negative
     */
    public static DnaSequence substituted(
            final DnaSequence sequence, final int count, final RandomGenerator random) {
        sequence.requireDefinite();
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, but was " + count);
        }
        final char[] bases = sequence.bases().toCharArray();
        final boolean[] changed = new boolean[bases.length];
        for (int done = 0; done < Math.min(count, bases.length); ) {
            final int at = random.nextInt(bases.length);
            if (!changed[at]) {
                changed[at] = true;
                bases[at] = ALPHABET.charAt((index(bases[at]) + 1 + random.nextInt(3)) % 4);
                done++;
            }
        }
        return DnaSequence.of(new String(bases));
    }

    /**
     * The index of a base in {@link #ALPHABET}.
     *
     * @throws IllegalArgumentException when it is not {@code A, C, G, T}
     */
    public static int index(final char base) {
        final int index = DnaSequence.BASES.indexOf(base);
        if (index < 0) {
            throw new IllegalArgumentException(
                    "base '%s' is not one of A, C, G, T".formatted(base));
        }
        return index;
    }

    private static CharacterGene gene(final char base) {
        return GENES.get(index(base));
    }
}
