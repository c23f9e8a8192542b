package io.dreamloop.designer.design;

import io.dreamloop.contracts.event.AcquisitionOptions;
import io.dreamloop.contracts.event.DesignOptions;
import io.dreamloop.contracts.event.DesignRequested;
import io.dreamloop.contracts.event.LibraryMember;
import io.dreamloop.contracts.event.SubsetQuota;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Subset;
import io.dreamloop.designer.constraint.UnsatisfiableRequestException;
import io.dreamloop.designer.ga.ChallengingDesign;
import io.dreamloop.designer.ga.DesignSpace;
import io.dreamloop.designer.ga.DesignedSequence;
import io.dreamloop.designer.ga.Direction;
import io.dreamloop.designer.ga.GaSettings;
import io.dreamloop.designer.ga.GaStart;
import io.dreamloop.designer.ga.GenerationStats;
import io.dreamloop.designer.ga.HighLowDesign;
import io.dreamloop.designer.ga.SequenceScorer;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Designs a whole library from a request: one generator per subset, each with its own random stream
 * split in request order from the request's seed (appending a subset leaves the earlier ones
 * unchanged), no sequence twice across subsets. Model-guided subsets (high, low, challenging) score
 * through the scorer the caller supplies; when the library has one, every member is scored by the
 * objective model at the end, so the library file carries a prediction for each.
 */
public final class LibraryDesigner {
    /** Subsets this designer can make. */
    public static final Set<Subset> SUPPORTED = EnumSet.allOf(Subset.class);

    /** Label of a model given as "the champion". */
    public static final String CHAMPION = "champion";

    /**
     * Bases changed in each mutant of a start parent: close enough that the mutants stay where the
     * models were trained on measurements, far enough to be new sequences.
     */
    static final int START_SUBSTITUTIONS = 2;

    /** Offset of the inserted site in motif-perturbation backgrounds (the DREAM 2022 tags' 20). */
    static final int PERTURBATION_POSITION = 20;

    /** Stride of native promoter windows. */
    static final int NATIVE_STRIDE = 10;

    /**
     * What a design needs from its surroundings.
     *
     * @param drawsPerSequence random draws per sequence before a random subset is unsatisfiable
     * @param motifs the motif catalog, loaded on first use
     * @param scorers a scorer for model versions (null = champion), in output order
     * @param progress GA generations as they finish
     */
    public record Context(
            int drawsPerSequence,
            Supplier<MotifCatalog> motifs,
            Function<List<String>, SequenceScorer> scorers,
            Consumer<GenerationStats> progress) {}

    private final Context context;

    public LibraryDesigner(final Context context) {
        this.context = context;
    }

    /**
     * Checks the options the request's subsets need, before anything is designed.
     *
     * @throws UnsatisfiableRequestException naming the missing or contradictory option
     */
    public static void checkOptions(final DesignRequested request) {
        final Set<Subset> subsets = EnumSet.noneOf(Subset.class);
        request.quotas().forEach(q -> subsets.add(q.subset()));
        final DesignOptions options = request.options();
        if (subsets.contains(Subset.CHALLENGING)) {
            requireChallenger(options);
        }
        if (options.acquisition() != null) {
            requireAcquisitionQuota(request, options.acquisition());
        }
        if (options.startFrom() != null) {
            requireParentLengths(options.startFrom(), request.variableLength());
        }
        if (subsets.contains(Subset.NATIVE)) {
            requireNativePromoters(options);
        }
    }

    private static void requireChallenger(final DesignOptions options) {
        if (options.challenger() == null) {
            throw new UnsatisfiableRequestException(
                    "the challenging subset needs two models: set options.challenger to the model version whose disagreement with options.model (default the champion) is sought");
        }
        if (options.challenger().equals(options.model())) {
            throw new UnsatisfiableRequestException(
                    "the challenging subset needs two different models, but both are '%s'"
                            .formatted(options.model()));
        }
    }

    /** Acquisition chooses the random subset, from at least as many candidates as it keeps. */
    private static void requireAcquisitionQuota(
            final DesignRequested request, final AcquisitionOptions acquisition) {
        final int random =
                request.quotas().stream()
                        .filter(q -> q.subset() == Subset.RANDOM)
                        .mapToInt(SubsetQuota::count)
                        .sum();
        if (random == 0) {
            throw new UnsatisfiableRequestException(
                    "options.acquisition chooses the random subset, but the library has no random quota");
        }
        if (acquisition.candidatesFor(random) < random) {
            throw new UnsatisfiableRequestException(
                    "options.acquisition.candidates (%d) must be at least the random quota (%d)"
                            .formatted(acquisition.candidatesFor(random), random));
        }
    }

    private static void requireParentLengths(
            final List<DnaSequence> parents, final int variableLength) {
        for (final DnaSequence parent : parents) {
            if (parent.length() != variableLength) {
                throw new UnsatisfiableRequestException(
                        "options.startFrom holds a %d-base sequence, but the variable region has %d: %s"
                                .formatted(parent.length(), variableLength, parent));
            }
        }
    }

    /** Parses the FASTA now, so a malformed upload fails the request before any design. */
    private static void requireNativePromoters(final DesignOptions options) {
        final String fasta = options.nativePromoters();
        if (fasta == null || fasta.isBlank()) {
            throw new UnsatisfiableRequestException(
                    "the native subset needs promoter sequences: set options.nativePromoters to FASTA text");
        }
        FastaReader.read(new StringReader(fasta), "options.nativePromoters");
    }

    /**
     * @throws UnsatisfiableRequestException when the constraints or options cannot be met; nothing
     *     is designed then
     */
    public List<LibraryMember> design(final DesignRequested request) {
        checkOptions(request);
        final SplittableRandom root = new SplittableRandom(request.seed());
        final List<LibraryMember> members = new ArrayList<>();
        final Set<DnaSequence> used = new HashSet<>();
        for (final SubsetQuota quota : request.quotas()) {
            final SplittableRandom random = root.split();
            final List<LibraryMember> designed = subset(request, quota, members, used, random);
            designed.forEach(m -> used.add(m.variable()));
            members.addAll(designed);
        }
        return modelGuided(request) ? predicted(request, members) : members;
    }

    private List<LibraryMember> subset(
            final DesignRequested request,
            final SubsetQuota quota,
            final List<LibraryMember> earlier,
            final Set<DnaSequence> used,
            final SplittableRandom random) {
        final int n = quota.count();
        return switch (quota.subset()) {
            case RANDOM -> random(request, n, used, random);
            case HIGH, LOW -> highLow(request, quota.subset(), n, used, random);
            case CHALLENGING -> challenging(request, n, used, random);
            case SNV -> snv(request, n, used, random);
            case MOTIF_PERTURBATION -> perturbation(request, n, used, random);
            case MOTIF_TILING -> tiling(request, n, used, random);
            case NATIVE -> natives(request, n, used, random);
        };
    }

    /** Random sequences, chosen by active learning when the options ask for acquisition. */
    private List<LibraryMember> random(
            final DesignRequested request,
            final int count,
            final Set<DnaSequence> used,
            final SplittableRandom random) {
        final RandomLibraryDesigner designer =
                new RandomLibraryDesigner(
                        request.variableLength(),
                        request.flanks(),
                        request.constraints(),
                        context.drawsPerSequence());
        final String id = request.libraryId();
        return request.options().acquisition() != null
                ? new AcquiredSubset(designer, request.options().acquisition(), context.scorers())
                        .design(id, count, used, random)
                : designer.design(id, count, used, random);
    }

    /** The catalogue's perturbation sites on one background per ten pairs, DREAM 2022's ratio. */
    private List<LibraryMember> perturbation(
            final DesignRequested request,
            final int count,
            final Set<DnaSequence> used,
            final SplittableRandom random) {
        return new MotifPerturbation(
                        request.variableLength(),
                        request.flanks(),
                        request.constraints(),
                        context.motifs().get().perturbationSites(),
                        PERTURBATION_POSITION,
                        Math.max(1, (count + 9) / 10))
                .design(request.libraryId(), count, used, random);
    }

    private List<LibraryMember> highLow(
            final DesignRequested request,
            final Subset subset,
            final int count,
            final Set<DnaSequence> used,
            final SplittableRandom random) {
        final DesignOptions options = request.options();
        final String model = options.model();
        final String label = model == null ? CHAMPION : model;
        final GaSettings settings = startRoom(Presets.highLow(options), options, count);
        final HighLowDesign design =
                options.ensemble() != null
                        ? HighLowDesign.onEnsemble(
                                context.scorers().apply(options.ensemble()),
                                options.ensemble(),
                                options.kappaOrDefault(),
                                space(request),
                                settings)
                        : new HighLowDesign(
                                context.scorers().apply(Arrays.asList(model)),
                                List.of(label),
                                label,
                                space(request),
                                settings);
        final List<DesignedSequence> designed =
                design.design(
                        subset == Subset.HIGH ? Direction.HIGH : Direction.LOW,
                        count,
                        random.nextLong(),
                        used,
                        options.startFrom() == null
                                ? GaStart.RANDOM
                                : GaStart.fromBest(options.startFrom(), START_SUBSTITUTIONS),
                        context.progress());
        return DesignedSequence.toMembers(request.libraryId(), designed);
    }

    /**
     * A run started from parents converges on them and ends with few new distinct sequences, so
     * such a design gets a population of at least twice the sequences it is asked for (a campaign
     * asking 300 of the test preset's 200 failed with 195).
     */
    static GaSettings startRoom(
            final GaSettings settings, final DesignOptions options, final int count) {
        return options.startFrom() == null || settings.populationSize() >= 2 * count
                ? settings
                : settings.withPopulationSize(2 * count);
    }

    private List<LibraryMember> challenging(
            final DesignRequested request,
            final int count,
            final Set<DnaSequence> used,
            final SplittableRandom random) {
        final DesignOptions options = request.options();
        final String a = options.model() == null ? CHAMPION : options.model();
        final ChallengingDesign design =
                new ChallengingDesign(
                        context.scorers()
                                .apply(Arrays.asList(options.model(), options.challenger())),
                        List.of(a, options.challenger()),
                        a,
                        options.challenger(),
                        space(request),
                        Presets.challenging(options));
        return DesignedSequence.toMembers(
                request.libraryId(),
                design.design(count, random.nextLong(), used, context.progress()));
    }

    /**
     * SNV pairs of fresh random references: a reference appears only as the ref of its pairs, so it
     * must not already be a member of the library.
     */
    private List<LibraryMember> snv(
            final DesignRequested request,
            final int count,
            final Set<DnaSequence> used,
            final SplittableRandom random) {
        final List<DnaSequence> references =
                new RandomLibraryDesigner(
                                request.variableLength(),
                                request.flanks(),
                                request.constraints(),
                                context.drawsPerSequence())
                        .design(request.libraryId() + "-snv-ref", count, used, random).stream()
                                .map(LibraryMember::variable)
                                .toList();
        return new SnvPairs(
                        request.variableLength(),
                        request.flanks(),
                        request.constraints(),
                        references)
                .design(request.libraryId(), count, used, random);
    }

    private List<LibraryMember> tiling(
            final DesignRequested request,
            final int count,
            final Set<DnaSequence> used,
            final SplittableRandom random) {
        final List<MotifSite> sites = context.motifs().get().tilingSites();
        final MotifTiling probe =
                new MotifTiling(
                        request.variableLength(),
                        request.flanks(),
                        request.constraints(),
                        sites,
                        1);
        final int backgrounds =
                Math.max(3, (count + probe.tilesPerBackground() - 1) / probe.tilesPerBackground());
        return new MotifTiling(
                        request.variableLength(),
                        request.flanks(),
                        request.constraints(),
                        sites,
                        backgrounds)
                .design(request.libraryId(), count, used, random);
    }

    private List<LibraryMember> natives(
            final DesignRequested request,
            final int count,
            final Set<DnaSequence> used,
            final SplittableRandom random) {
        final String fasta = request.options().nativePromoters();
        return new NativeFragments(
                        request.variableLength(),
                        request.flanks(),
                        request.constraints(),
                        FastaReader.read(new StringReader(fasta), "options.nativePromoters"),
                        NATIVE_STRIDE)
                .design(request.libraryId(), count, used, random);
    }

    /** Every member with the objective model's prediction, scored in one call. */
    private List<LibraryMember> predicted(
            final DesignRequested request, final List<LibraryMember> members) {
        final String model = request.options().model();
        final String label = model == null ? CHAMPION : model;
        final List<LibraryMember> missing =
                members.stream().filter(m -> !m.predictions().containsKey(label)).toList();
        if (missing.isEmpty()) {
            return members;
        }
        final double[] scores =
                context.scorers()
                        .apply(Arrays.asList(model))
                        .score(missing.stream().map(LibraryMember::variable).toList())[0];
        final Map<String, Double> byId = new HashMap<>();
        for (int i = 0; i < missing.size(); i++) {
            byId.put(missing.get(i).id(), scores[i]);
        }
        return members.stream()
                .map(
                        m ->
                                byId.containsKey(m.id())
                                        ? m.withPredictions(Map.of(label, byId.get(m.id())))
                                        : m)
                .toList();
    }

    /**
     * True when the members need the objective model's prediction (an ensemble's designs carry the
     * ensemble's own).
     */
    private static boolean modelGuided(final DesignRequested request) {
        if (request.options().ensemble() != null) {
            return false;
        }
        return request.options().model() != null
                || request.quotas().stream()
                        .map(SubsetQuota::subset)
                        .anyMatch(
                                s ->
                                        s == Subset.HIGH
                                                || s == Subset.LOW
                                                || s == Subset.CHALLENGING);
    }

    private static DesignSpace space(final DesignRequested request) {
        return new DesignSpace(request.variableLength(), request.flanks(), request.constraints());
    }

    /** GA settings from a request's options. */
    static final class Presets {
        private Presets() {}

        static GaSettings highLow(final DesignOptions options) {
            final GaSettings base =
                    switch (options.preset()) {
                        case VAISHNAV -> GaSettings.vaishnav();
                        case TEST -> GaSettings.cpu().withPopulationSize(200).withGenerations(3);
                        case CPU -> GaSettings.cpu();
                    };
            return overridden(base, options);
        }

        static GaSettings challenging(final DesignOptions options) {
            final GaSettings base =
                    switch (options.preset()) {
                        case VAISHNAV -> GaSettings.deBoer();
                        case TEST -> GaSettings.deBoer().withGenerations(3);
                        case CPU -> GaSettings.deBoer().withGenerations(20);
                    };
            return overridden(base, options);
        }

        private static GaSettings overridden(final GaSettings base, final DesignOptions options) {
            GaSettings s = base;
            if (options.population() != null) {
                s = s.withPopulationSize(options.population());
            }
            if (options.generations() != null) {
                s = s.withGenerations(options.generations());
            }
            return s;
        }
    }
}
