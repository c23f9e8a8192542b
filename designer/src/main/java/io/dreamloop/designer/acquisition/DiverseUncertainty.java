package io.dreamloop.designer.acquisition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Uncertainty with batch diversity in an embedding space: among the most uncertain candidates
 * (ensemble sd), picks greedily the one whose sd times its k-mer-profile distance to the batch so
 * far is largest (an uncertainty-weighted farthest-point traversal, the deterministic cousin of
 * BADGE's k-means++ seeding). Plain ranking spends a batch on one uncertain region of sequence
 * space, whose members a Hamming floor does not tell apart (two sequences sharing a site at
 * different offsets are far in Hamming distance and close here).
 *
 * @param k the k-mer length of the embedding, 1 to 6
 * @param shortlist candidates considered per chosen sequence, the most uncertain first, {@code >=
 *     1}
 */
public record DiverseUncertainty(int k, int shortlist) implements AcquisitionStrategy {

    /** The strategy's name. */
    public static final String NAME = "diverse-uncertainty";

    /** 4-mers: 136 distinct words over both strands, more than a 110-bp sequence fills. */
    public static final int DEFAULT_K = 4;

    /** Four candidates per chosen sequence: enough room to spread without taking certain ones. */
    public static final int DEFAULT_SHORTLIST = 4;

    /**
     * @throws IllegalArgumentException when k or the shortlist is out of range
     */
    public DiverseUncertainty {
        if (k < 1 || k > 6) {
            throw new IllegalArgumentException("k must be 1 to 6, but was " + k);
        }
        if (shortlist < 1) {
            throw new IllegalArgumentException("shortlist must be >= 1, but was " + shortlist);
        }
    }

    /** The defaults: 4-mers, four candidates per chosen sequence. */
    public static DiverseUncertainty defaults() {
        return new DiverseUncertainty(DEFAULT_K, DEFAULT_SHORTLIST);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Acquired> choose(
            final List<Candidate> candidates, final int budget, final RandomGenerator random) {
        AcquisitionStrategy.requireBudget(budget);
        RankedAcquisition.Criterion.UNCERTAINTY.requireModels(candidates);
        final List<Candidate> ranked = new ArrayList<>(candidates);
        ranked.sort(Comparator.comparingDouble(Candidate::sd).reversed());
        final List<Candidate> pool =
                ranked.subList(0, (int) Math.min(ranked.size(), (long) budget * shortlist));
        final float[][] profiles = new float[pool.size()][];
        final double[] nearest = new double[pool.size()];
        for (int i = 0; i < profiles.length; i++) {
            profiles[i] = KmerProfile.of(pool.get(i).sequence(), k);
            nearest[i] = Double.POSITIVE_INFINITY;
        }
        final boolean[] taken = new boolean[pool.size()];
        final List<Acquired> out = new ArrayList<>(Math.min(budget, pool.size()));
        while (out.size() < Math.min(budget, pool.size())) {
            final int best = next(pool, nearest, taken);
            taken[best] = true;
            out.add(acquired(pool, best, nearest[best], out.size() + 1));
            for (int i = 0; i < pool.size(); i++) {
                if (!taken[i]) {
                    nearest[i] =
                            Math.min(
                                    nearest[i],
                                    Math.sqrt(
                                            KmerProfile.squaredDistance(
                                                    profiles[i], profiles[best])));
                }
            }
        }
        return out;
    }

    /** The open candidate with the largest sd × distance (the first: the largest sd). */
    private static int next(
            final List<Candidate> pool, final double[] nearest, final boolean[] taken) {
        int best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < pool.size(); i++) {
            if (taken[i]) {
                continue;
            }
            final double distance = Double.isInfinite(nearest[i]) ? 1 : nearest[i];
            final double value = pool.get(i).sd() * distance;
            if (value > bestValue) {
                bestValue = value;
                best = i;
            }
        }
        return best;
    }

    private Acquired acquired(
            final List<Candidate> pool, final int i, final double distance, final int rank) {
        final Candidate c = pool.get(i);
        return new Acquired(
                c,
                NAME,
                rank,
                c.sd(),
                String.format(
                        Locale.ROOT,
                        "ensemble sd %.3f (rank %d of the %d most uncertain), %d-mer distance %s"
                                + " to the batch",
                        c.sd(),
                        i + 1,
                        pool.size(),
                        k,
                        Double.isInfinite(distance)
                                ? "- (first)"
                                : String.format(Locale.ROOT, "%.3f", distance)));
    }
}
