package io.dreamloop.designer.ga;

import io.jenetics.Gene;
import io.jenetics.Optimize;
import io.jenetics.Phenotype;
import io.jenetics.Selector;
import io.jenetics.ext.moea.NSGA2Selector;
import io.jenetics.ext.moea.Pareto;
import io.jenetics.ext.moea.Vec;
import io.jenetics.util.ISeq;
import io.jenetics.util.Seq;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * NSGA-II survivor selection with DEAP's {@code selNSGA2} semantics: the population is sorted into
 * non-dominated fronts, whole fronts are kept best first while they fit, and the front that does
 * not fit is cut by crowding distance computed within that front.
 *
 * <p>Jenetics' {@link NSGA2Selector} ranks by front too, but computes the crowding distance over
 * the whole population; handing it only the front to cut gives the per-front distance of Deb et al.
 * and DEAP. Ranking is O(n²) in time and memory, fine for de Boer's populations of 100.
 *
 * @param <G> the gene type
 * @param <T> the vector data type
 * @param <V> the fitness vector type
 */
public final class Nsga2Survivors<G extends Gene<?, G>, T, V extends Vec<T>>
        implements Selector<G, V> {
    private final NSGA2Selector<G, V> crowding = NSGA2Selector.ofVec();

    @Override
    public ISeq<Phenotype<G, V>> select(
            final Seq<Phenotype<G, V>> population, final int count, final Optimize opt) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, but was " + count);
        }
        final List<List<Phenotype<G, V>>> fronts = fronts(population, opt);
        final List<Phenotype<G, V>> chosen = new ArrayList<>(count);
        for (final List<Phenotype<G, V>> front : fronts) {
            if (chosen.size() + front.size() <= count) {
                chosen.addAll(front);
            } else {
                chosen.addAll(crowding.select(ISeq.of(front), count - chosen.size(), opt).asList());
                break;
            }
        }
        return ISeq.of(chosen);
    }

    /** The non-dominated fronts of {@code population}, best first, each in population order. */
    public static <G extends Gene<?, G>, T, V extends Vec<T>> List<List<Phenotype<G, V>>> fronts(
            final Seq<Phenotype<G, V>> population, final Optimize opt) {
        final Comparator<V> dominance = Vec::dominance;
        final int[] rank =
                Pareto.rank(
                        population.map(Phenotype::fitness),
                        opt == Optimize.MAXIMUM ? dominance : dominance.reversed());
        final List<List<Phenotype<G, V>>> fronts = new ArrayList<>();
        for (int i = 0; i < rank.length; i++) {
            while (fronts.size() <= rank[i]) {
                fronts.add(new ArrayList<>());
            }
            fronts.get(rank[i]).add(population.get(i));
        }
        return fronts;
    }

    /**
     * The first front of {@code population} ordered by decreasing crowding distance within it, so
     * that a prefix is spread along the front.
     */
    public ISeq<Phenotype<G, V>> paretoFront(
            final Seq<Phenotype<G, V>> population, final Optimize opt) {
        if (population.isEmpty()) {
            return ISeq.empty();
        }
        final ISeq<Phenotype<G, V>> front = ISeq.of(fronts(population, opt).getFirst());
        return crowding.select(front, front.size(), opt);
    }
}
