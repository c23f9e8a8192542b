package io.dreamloop.designer.ga;

import io.dreamloop.contracts.event.DesignProvenance;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Subset;
import io.dreamloop.designer.DesignerRelease;
import io.dreamloop.designer.constraint.UnsatisfiableRequestException;
import io.jenetics.CharacterGene;
import io.jenetics.Optimize;
import io.jenetics.Phenotype;
import io.jenetics.ext.moea.Vec;
import io.jenetics.util.ISeq;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The challenging subset: sequences on which two models disagree, designed as in de Boer's {@code
 * GASeqDesign.py} (CRM2.0) with NSGA-II on both models' predictions, once with model A pushed up
 * and B down ({@code ga.nsga2.a-high-b-low}) and once the other way ({@code
 * ga.nsga2.a-low-b-high}); each direction supplies half of the sequences (the first one more when
 * the count is odd).
 *
 * <p>Per generation, as in the reference: the population is varied (consecutive pairs crossed,
 * every offspring mutated base by base), the offspring are scored in one call, and the next
 * population is selected by NSGA-II from parents and offspring together ((mu+lambda), elitist), see
 * {@link Nsga2Survivors}. {@link GaSettings#deBoer()} holds the reference's parameters; the
 * tournament size is not used.
 *
 * <p>Each run's output is the first Pareto front of its final population, most spread out first,
 * filtered like every design's output (constraints, new, minimum Hamming distance); runs are
 * repeated (de Boer's batches) until a direction has its share or {@link GaSettings#maxRuns()} runs
 * are used. Direction {@code d} (high first) draws from the {@code d}-th split of {@code new
 * SplittableRandom(seed)} and its run {@code r} from the {@code r}-th split of that.
 *
 * {@snippet :
 * ChallengingDesign design = new ChallengingDesign(
 *         scorer, List.of("edv", "cd"), "edv", "cd", DesignSpace.dream2022(constraints),
 *         GaSettings.deBoer());
 * List<DesignedSequence> challenging = design.design(2000, seed);
 * }
 */
public final class ChallengingDesign {
    /** Method names are this prefix plus {@code a-high-b-low} or {@code a-low-b-high}. */
    public static final String METHOD_PREFIX = "ga.nsga2.";

    private final SequenceScorer scorer;
    private final List<String> models;
    private final int modelA;
    private final int modelB;
    private final DesignSpace space;
    private final GaSettings settings;
    private final Nsga2Survivors<CharacterGene, double[], Vec<double[]>> survivors =
            new Nsga2Survivors<>();

    /**
     * @param scorer the models
     * @param models names of the scorer's prediction rows, in order
     * @param modelA the first model to set against the other
     * @param modelB the second model, different from {@code modelA}
     * @param space the admissible sequences
     * @param settings GA parameters
     * @throws IllegalArgumentException when the model names are empty or repeated, or {@code
     *     modelA} and {@code modelB} are not two of them
     */
    public ChallengingDesign(
            final SequenceScorer scorer,
            final List<String> models,
            final String modelA,
            final String modelB,
            final DesignSpace space,
            final GaSettings settings) {
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.models = List.copyOf(models);
        this.modelA = HighLowDesign.modelIndex(this.models, modelA);
        this.modelB = HighLowDesign.modelIndex(this.models, modelB);
        if (this.modelA == this.modelB) {
            throw new IllegalArgumentException(
                    "models A and B must differ, but both were '%s'".formatted(modelA));
        }
        this.space = Objects.requireNonNull(space, "space");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The method name for model A pushed in {@code a}, e.g. {@code ga.nsga2.a-high-b-low}. */
    public static String method(final Direction a) {
        return METHOD_PREFIX + "a-" + a.label() + "-b-" + a.opposite().label();
    }

    /** {@link #design(int, long, Set, Consumer)} with nothing to avoid or report. */
    public List<DesignedSequence> design(final int count, final long seed) {
        return design(count, seed, Set.of(), stats -> {});
    }

    /**
     * Designs {@code count} challenging sequences, those of {@code a-high-b-low} first.
     *
     * @param avoid sequences already in the library, never returned
     * @param listener told after the random start and every generation of every run
     * @throws UnsatisfiableRequestException when the constraints cannot be met, or a direction
     *     finds fewer than its share of qualifying sequences in {@code maxRuns} runs
     */
    public List<DesignedSequence> design(
            final int count,
            final long seed,
            final Set<DnaSequence> avoid,
            final Consumer<GenerationStats> listener) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, but was " + count);
        }
        space.check().requireSatisfiable(space.length());
        final OutputPicker picker = new OutputPicker(space, avoid);
        final SplittableRandom root = new SplittableRandom(seed);
        for (final Direction a : Direction.values()) {
            final SplittableRandom random = root.split();
            final int share = a == Direction.HIGH ? count - count / 2 : count / 2;
            evolve(problem(a), method(a), picker, picker.size() + share, random, listener);
        }
        final Map<String, String> recorded = new HashMap<>(settings.asMap());
        recorded.put("models", String.join(",", models));
        recorded.put("modelA", models.get(modelA));
        recorded.put("modelB", models.get(modelB));
        return picker.designs(
                problem(Direction.HIGH),
                models,
                new DesignProvenance(DesignerRelease.NAME, seed, null, recorded));
    }

    private SequenceProblem<Vec<double[]>> problem(final Direction a) {
        return new SequenceProblem<>(
                space, scorer, models.size(), new Disagreement(modelA, modelB, a));
    }

    /** Runs until {@code picker} holds {@code target} sequences. */
    private void evolve(
            final SequenceProblem<Vec<double[]>> problem,
            final String method,
            final OutputPicker picker,
            final int target,
            final SplittableRandom random,
            final Consumer<GenerationStats> listener) {
        final int start = picker.size();
        int runs = 0;
        while (picker.size() < target && runs < settings.maxRuns()) {
            final ISeq<Phenotype<CharacterGene, Vec<double[]>>> population =
                    GaRun.parentsAndOffspring(problem, settings, survivors)
                            .evolve(random.split(), method, runs, listener);
            final Set<DnaSequence> seen = new HashSet<>();
            for (final Phenotype<CharacterGene, Vec<double[]>> pt :
                    survivors.paretoFront(population, Optimize.MAXIMUM)) {
                if (picker.size() == target) {
                    break;
                }
                final DnaSequence sequence = DnaCodecs.decode(pt.genotype());
                if (seen.add(sequence)) {
                    picker.offer(sequence, method, Subset.CHALLENGING, runs, pt.generation());
                }
            }
            runs++;
        }
        if (picker.size() < target) {
            throw picker.shortfall(method, picker.size() - start, target - start, runs, settings);
        }
    }

    /**
     * Fitness = (s·A, −s·B), maximised, with s = +1 when A is pushed up and −1 when it is pushed
     * down; the statistic is the disagreement s·(A − B).
     */
    private record Disagreement(int a, int b, Direction aDirection)
            implements Objective<Vec<double[]>> {
        private static final Vec<double[]> INFEASIBLE =
                Vec.of(-Double.MAX_VALUE, -Double.MAX_VALUE);

        @Override
        public Vec<double[]> fitness(final double[] predictions) {
            final double s = aDirection.sign();
            return Vec.of(s * predictions[a], -s * predictions[b]);
        }

        @Override
        public Vec<double[]> infeasible() {
            return INFEASIBLE;
        }

        @Override
        public Optimize optimize() {
            return Optimize.MAXIMUM;
        }

        @Override
        public double value(final Vec<double[]> fitness) {
            return fitness.data()[0] + fitness.data()[1];
        }
    }
}
