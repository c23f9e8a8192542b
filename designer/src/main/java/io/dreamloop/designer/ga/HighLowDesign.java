package io.dreamloop.designer.ga;

import io.dreamloop.contracts.event.DesignProvenance;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.designer.DesignerRelease;
import io.dreamloop.designer.constraint.UnsatisfiableRequestException;
import io.jenetics.CharacterGene;
import io.jenetics.Optimize;
import io.jenetics.Phenotype;
import io.jenetics.TournamentSelector;
import io.jenetics.util.ISeq;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The high and low subsets: the GA of Vaishnav et al. 2022 ({@code 1edv/evolution}, {@code
 * ga.ipynb}) driving one model's prediction up or down.
 *
 * <p>Per generation, as in the reference: consecutive pairs are recombined by two-point crossover,
 * individuals are mutated base by base ({@link BaseSubstitution}, with the reference's substitution
 * bug fixed), the offspring are scored in one call, and the next population is drawn by tournaments
 * <em>from the offspring only</em>, with no elitism. The parameters come from {@link GaSettings},
 * {@link GaSettings#vaishnav()} being the reference's.
 *
 * <p>Sequences that break the library's constraints are ranked below all others and never scored
 * (see {@link Objective}). The output is the best distinct sequences of the final population that
 * meet the constraints and the minimum Hamming distance, best first; if one run does not yield
 * enough, fresh runs follow, up to {@link GaSettings#maxRuns()}.
 *
 * <p>Run {@code r} draws from the {@code r}-th split of {@code new SplittableRandom(seed)}, so the
 * same seed and settings give the same sequences.
 *
 * {@snippet :
 * HighLowDesign design = new HighLowDesign(
 *         scorer, List.of("edv-glu"), "edv-glu", DesignSpace.dream2022(constraints),
 *         GaSettings.vaishnav());
 * List<DesignedSequence> high = design.design(Direction.HIGH, 1000, seed);
 * }
 */
public final class HighLowDesign {
    /** Method names are this prefix plus the direction: {@code ga.vaishnav.high}. */
    public static final String METHOD_PREFIX = "ga.vaishnav.";

    private final SequenceScorer scorer;
    private final List<String> models;
    private final Function<Direction, Objective<Double>> objective;
    private final String objectiveName;
    private final DesignSpace space;
    private final GaSettings settings;

    /**
     * @param scorer the models
     * @param models names of the scorer's prediction rows, in order
     * @param objectiveModel the model whose prediction is pushed up or down
     * @param space the admissible sequences
     * @param settings GA parameters
     * @throws IllegalArgumentException when the model names are empty, repeated or do not include
     *     {@code objectiveModel}
     */
    public HighLowDesign(
            final SequenceScorer scorer,
            final List<String> models,
            final String objectiveModel,
            final DesignSpace space,
            final GaSettings settings) {
        this(
                scorer,
                models,
                predictionOf(modelIndex(List.copyOf(models), objectiveModel)),
                objectiveModel,
                space,
                settings);
    }

    private HighLowDesign(
            final SequenceScorer scorer,
            final List<String> models,
            final Function<Direction, Objective<Double>> objective,
            final String objectiveName,
            final DesignSpace space,
            final GaSettings settings) {
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.models = List.copyOf(models);
        this.objective = objective;
        this.objectiveName = objectiveName;
        this.space = Objects.requireNonNull(space, "space");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    private static Function<Direction, Objective<Double>> predictionOf(final int model) {
        return d -> new Prediction(model, d);
    }

    /**
     * A design on an ensemble's confidence bound ({@link ConfidenceBound}): high maximises the
     * upper bound mean + kappa sd across the models, low minimises the lower bound mean - kappa sd.
     * With kappa 0 it pushes the ensemble mean (greedy); a larger kappa rewards the models'
     * disagreement, so the design also explores where the ensemble is unsure.
     *
     * @param models names of the scorer's prediction rows, at least two
     * @throws IllegalArgumentException for fewer than two distinct models or a negative kappa
     */
    public static HighLowDesign onEnsemble(
            final SequenceScorer scorer,
            final List<String> models,
            final double kappa,
            final DesignSpace space,
            final GaSettings settings) {
        if (models.size() < 2) {
            throw new IllegalArgumentException(
                    "an ensemble design needs at least two models, but got " + models);
        }
        modelIndex(List.copyOf(models), models.getFirst());
        if (!(kappa >= 0) || Double.isInfinite(kappa)) {
            throw new IllegalArgumentException("kappa must be >= 0, but was " + kappa);
        }
        return new HighLowDesign(
                scorer,
                models,
                d -> new ConfidenceBound(d, kappa),
                ConfidenceBound.describe(models.size(), kappa),
                space,
                settings);
    }

    /** The method name of a direction, e.g. {@code ga.vaishnav.low}. */
    public static String method(final Direction direction) {
        return METHOD_PREFIX + direction.label();
    }

    /** {@link #design(Direction, int, long, Set, Consumer)} with nothing to avoid or report. */
    public List<DesignedSequence> design(
            final Direction direction, final int count, final long seed) {
        return design(direction, count, seed, Set.of(), stats -> {});
    }

    /**
     * Designs {@code count} sequences pushed in {@code direction}, best first.
     *
     * @param avoid sequences already in the library, never returned
     * @param listener told after the random start and every generation of every run
     * @throws UnsatisfiableRequestException when the constraints cannot be met, or fewer than
     *     {@code count} qualifying sequences turn up in {@code maxRuns} runs
     */
    public List<DesignedSequence> design(
            final Direction direction,
            final int count,
            final long seed,
            final Set<DnaSequence> avoid,
            final Consumer<GenerationStats> listener) {
        return design(direction, count, seed, avoid, GaStart.RANDOM, listener);
    }

    /**
     * Designs {@code count} sequences pushed in {@code direction}, best first, the first run
     * starting from {@code start} and any further run (when the first's final population holds
     * fewer than {@code count} new distinct sequences) from random oligos.
     *
     * @param avoid sequences already in the library, never returned
     * @param start the first population of every run: random, or from known sequences
     * @param listener told after the start and every generation of every run
     * @throws IllegalArgumentException when a start parent's length is not the design space's
     * @throws UnsatisfiableRequestException when the constraints cannot be met, or fewer than
     *     {@code count} qualifying sequences turn up in {@code maxRuns} runs
     */
    public List<DesignedSequence> design(
            final Direction direction,
            final int count,
            final long seed,
            final Set<DnaSequence> avoid,
            final GaStart start,
            final Consumer<GenerationStats> listener) {
        start.requireLength(space.length());
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, but was " + count);
        }
        space.check().requireSatisfiable(space.length());
        final String method = method(direction);
        final SequenceProblem<Double> problem =
                new SequenceProblem<>(space, scorer, models.size(), objective.apply(direction));
        final OutputPicker picker = new OutputPicker(space, avoid);
        final SplittableRandom root = new SplittableRandom(seed);
        int runs = 0;
        while (picker.size() < count && runs < settings.maxRuns()) {
            final ISeq<Phenotype<CharacterGene, Double>> population =
                    GaRun.offspringOnly(
                                    problem,
                                    settings,
                                    new TournamentSelector<>(settings.tournamentSize()))
                            .evolve(
                                    root.split(),
                                    // Later runs, needed when one final population holds too
                                    // few new distinct sequences, explore from random oligos: a
                                    // population converged on the start's parents would give
                                    // the same few again.
                                    runs == 0 ? start : GaStart.RANDOM,
                                    method,
                                    runs,
                                    listener);
            offerBestFirst(picker, population, direction, count, method, runs);
            runs++;
        }
        if (picker.size() < count) {
            throw picker.shortfall(method, picker.size(), count, runs, settings);
        }
        return picker.designs(problem, models, provenance(seed, method, start));
    }

    /** Offers the run's distinct sequences, best first, until the picker holds {@code count}. */
    private static void offerBestFirst(
            final OutputPicker picker,
            final ISeq<Phenotype<CharacterGene, Double>> population,
            final Direction direction,
            final int count,
            final String method,
            final int run) {
        final Set<DnaSequence> seen = new HashSet<>();
        for (final Phenotype<CharacterGene, Double> pt : bestFirst(population, direction)) {
            if (picker.size() == count) {
                break;
            }
            final DnaSequence sequence = DnaCodecs.decode(pt.genotype());
            if (seen.add(sequence)) {
                picker.offer(sequence, method, direction.subset(), run, pt.generation());
            }
        }
    }

    /** The settings plus what else it takes to repeat the design: method, models, start. */
    private DesignProvenance provenance(final long seed, final String method, final GaStart start) {
        final Map<String, String> recorded = new HashMap<>(settings.asMap());
        recorded.put("method", method);
        recorded.put("models", String.join(",", models));
        recorded.put("objective", objectiveName);
        recorded.put("start", start.describe());
        return new DesignProvenance(DesignerRelease.NAME, seed, objectiveName, recorded);
    }

    private static List<Phenotype<CharacterGene, Double>> bestFirst(
            final ISeq<Phenotype<CharacterGene, Double>> population, final Direction direction) {
        final Comparator<Phenotype<CharacterGene, Double>> natural = Comparator.naturalOrder();
        return population.stream()
                .sorted(direction.optimize() == Optimize.MAXIMUM ? natural.reversed() : natural)
                .toList();
    }

    /**
     * The index of {@code model} in {@code models}.
     *
     * @throws IllegalArgumentException when the names are empty, repeated or lack {@code model}
     */
    static int modelIndex(final List<String> models, final String model) {
        if (models.isEmpty() || Set.copyOf(models).size() != models.size()) {
            throw new IllegalArgumentException(
                    "model names must be non-empty and distinct, but were " + models);
        }
        final int index = models.indexOf(Objects.requireNonNull(model, "model"));
        if (index < 0) {
            throw new IllegalArgumentException(
                    "model '%s' is not among the scorer's models %s".formatted(model, models));
        }
        return index;
    }

    /**
     * Fitness = the objective model's prediction, maximised for high, minimised for low ({@link
     * DirectedObjective}).
     */
    record Prediction(int model, Direction direction) implements DirectedObjective {
        @Override
        public Double fitness(final double[] predictions) {
            return predictions[model];
        }
    }
}
