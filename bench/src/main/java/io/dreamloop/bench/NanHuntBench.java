package io.dreamloop.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.util.Pair;
import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.SequenceEncoding;
import io.dreamloop.training.Gradients;
import io.dreamloop.training.KlDivergenceLoss;
import io.dreamloop.training.SoftTargets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The hunt for the non-finite gradients, and their reproducer for a DJL maintainer. The cause was
 * DJL's arithmetic with a number ({@code x.mul(0.5f)}, {@code div}, {@code swish}): its backward
 * reads the number from a Java buffer that a garbage collection may already have freed ({@code
 * Scalars}). {@code --scalars N} is the smallest reproducer of that ({@link NanHuntScalars});
 * {@code --training-runs N --gc-every-ms M} repeats the trainer's own run with frequent collections
 * ({@link NanHuntTraining}). The default mode, kept from the hunt, runs one fixed batch through one
 * fixed network, forward and backward again and again with the same weights, the same dropout masks
 * (the engine reseeded before every pass) and cleared gradients, and every gradient compared with
 * the first pass's. With one intra-op thread every pass must be bit-identical; with more, summation
 * order may differ in the last bits, but a non-finite value from finite weights and a finite loss
 * is a bug below the model. Optional busy threads load the cores as a parallel build or a second
 * service would.
 *
 * <p>Prints, per parameter (in the network's order, input first), the passes whose gradient was not
 * finite and the largest difference from the first pass; the parameter nearest the output with a
 * non-finite gradient names the operation whose backward produced it (the one that follows it in
 * the forward pass).
 */
@Command(
        name = "nan-hunt",
        mixinStandardHelpOptions = true,
        description =
                "Repeated forward/backward passes of one batch with fixed weights: which gradients"
                        + " turn non-finite or differ, with N intra-op threads and optional load.")
final class NanHuntBench implements Callable<Integer> {

    @Option(
            names = "--threads",
            defaultValue = "2",
            description = "Intra-op threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(
            names = "--passes",
            defaultValue = "300",
            description = "Passes (default ${DEFAULT-VALUE}).")
    int passes;

    @Option(
            names = "--batch",
            defaultValue = "64",
            description = "Batch (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(
            names = "--architecture",
            defaultValue = "dream-cnn",
            description = "Architecture (default ${DEFAULT-VALUE}).")
    String architecture;

    @Option(
            names = "--size",
            defaultValue = "cpu",
            description = "paper or cpu (default ${DEFAULT-VALUE}).")
    String size;

    @Option(
            names = "--load-threads",
            defaultValue = "0",
            description =
                    "Busy Java threads that load the cores meanwhile (default ${DEFAULT-VALUE}).")
    int loadThreads;

    @Option(
            names = "--gc-every-ms",
            defaultValue = "0",
            description =
                    "Run System.gc() every this many ms meanwhile, so that collections fall"
                            + " between forward and backward passes (default ${DEFAULT-VALUE}:"
                            + " none).")
    int gcEveryMs;

    @Option(
            names = "--scalars",
            defaultValue = "0",
            description =
                    "Instead of passes: this many tries of the smallest reproducer, x.mul(2f) with"
                            + " a collection before the backward pass, beside Scalars.mul"
                            + " (default ${DEFAULT-VALUE}).")
    int scalars;

    @Option(names = "--seed", defaultValue = "7", description = "Seed (default ${DEFAULT-VALUE}).")
    int seed;

    @Option(
            names = "--norms",
            defaultValue = "0",
            description =
                    "Instead of passes: one backward pass, then the trainer's finiteness check"
                            + " (sum of squared gradients, read once) this many times over the"
                            + " same finite gradients (default ${DEFAULT-VALUE}: passes).")
    int norms;

    @Option(
            names = "--training-runs",
            defaultValue = "0",
            description =
                    "Instead of passes: train this many times from the same seed (the trainer's"
                            + " loop, --rows rows of --data, --epochs) and compare every step's"
                            + " loss with the first run's (default ${DEFAULT-VALUE}: passes).")
    int trainingRuns;

    @Option(
            names = "--rows",
            defaultValue = "1000",
            description = "Rows sampled for --training-runs (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(
            names = "--epochs",
            defaultValue = "3",
            description = "Epochs of each of --training-runs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(
            names = "--data",
            defaultValue = "../shared/data/dream2022/demo_train.txt",
            description = "DREAM-format rows for --training-runs (default ${DEFAULT-VALUE}).")
    Path data;

    @Override
    public Integer call() throws IOException, InterruptedException {
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.out.printf(
                "oneDNN ISA limit (DNNL_MAX_CPU_ISA): %s%n",
                Objects.requireNonNullElse(System.getenv("DNNL_MAX_CPU_ISA"), "none"));
        final AtomicBoolean done = new AtomicBoolean();
        final List<Thread> load = startLoad(done);
        if (gcEveryMs > 0) {
            load.add(startCollections(done));
        }
        try {
            if (scalars > 0) {
                return NanHuntScalars.run(scalars) == 0 ? 0 : 1;
            }
            if (trainingRuns > 0) {
                return new NanHuntTraining(
                                                Architecture.fromWireName(architecture),
                                                size,
                                                batch,
                                                seed)
                                        .repeat(data, rows, epochs, trainingRuns)
                                == 0
                        ? 0
                        : 1;
            }
            return passes();
        } finally {
            done.set(true);
            load.forEach(Thread::interrupt);
        }
    }

    private int passes() {
        try (Model model = Model.newInstance("nan-hunt", Device.cpu(), "PyTorch")) {
            model.setBlock(ModelSizes.build(Architecture.fromWireName(architecture), size));
            Engine.getInstance().setRandomSeed(seed);
            try (Trainer trainer =
                    model.newTrainer(new DefaultTrainingConfig(new KlDivergenceLoss()))) {
                trainer.initialize(
                        new Shape(1, SequenceEncoding.CHANNELS, SequenceEncoding.LENGTH));
                return norms > 0 ? norms(trainer) : hunt(trainer);
            }
        }
    }

    /**
     * The trainer's skip check, repeated over one set of gradients that stay as they are: the sum
     * over parameters of {@code gradient.square().sum()}, added on the device and read once ({@link
     * Gradients#normSquared}). Finite gradients must give the same finite value every time; a
     * non-finite one is a fault of the reduction, not of the backward pass.
     */
    private int norms(final Trainer trainer) {
        firstPass(trainer);
        System.out.printf(
                "nan-hunt norms: %s %s, batch %d, %d checks of one backward pass's gradients, %d"
                        + " intra-op threads (engine %s %s), %d busy threads%n",
                architecture,
                size,
                batch,
                norms,
                threads,
                Engine.getInstance().getEngineName(),
                Engine.getInstance().getVersion(),
                loadThreads);
        final float first = normSquared(trainer);
        int nonFinite = 0;
        int different = 0;
        for (int i = 1; i < norms; i++) {
            final float value = normSquared(trainer);
            if (!Float.isFinite(value)) {
                nonFinite++;
                System.out.printf("check %d: %s (first %s)%n", i, value, first);
            } else if (Float.compare(value, first) != 0) {
                different++;
            }
        }
        System.out.printf(
                "%d of %d checks read a non-finite sum of squared gradients from finite"
                        + " gradients; %d read another finite value than the first (%s)%n",
                nonFinite, norms - 1, different, first);
        return nonFinite == 0 ? 0 : 1;
    }

    /** One backward pass whose gradients the norm checks read; they must all be finite. */
    private void firstPass(final Trainer trainer) {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<Pair<String, Parameter>> parameters = new ArrayList<>();
        trainer.getModel().getBlock().getParameters().forEach(parameters::add);
        final float[][] gradients = new float[parameters.size()][];
        pass(
                trainer,
                parameters,
                ArchitectureTiming.randomOneHot(batch, random),
                targets(random),
                gradients);
        for (int p = 0; p < gradients.length; p++) {
            if (compare(gradients[p], gradients[p]).nonFinite()) {
                throw new IllegalStateException("non-finite gradient in the first pass");
            }
        }
    }

    private static float normSquared(final Trainer trainer) {
        try (NDManager scope = trainer.getManager().newSubManager()) {
            return (float) Gradients.normSquared(trainer.getModel().getBlock(), scope);
        }
    }

    private int hunt(final Trainer trainer) {
        final SplittableRandom random = new SplittableRandom(seed);
        final float[] x = ArchitectureTiming.randomOneHot(batch, random);
        final float[] y = targets(random);
        final List<Pair<String, Parameter>> parameters = new ArrayList<>();
        trainer.getModel().getBlock().getParameters().forEach(parameters::add);
        System.out.printf(
                "nan-hunt: %s %s, batch %d, %d passes, %d intra-op threads (engine %s %s), %d"
                        + " busy threads%n",
                architecture,
                size,
                batch,
                passes,
                threads,
                Engine.getInstance().getEngineName(),
                Engine.getInstance().getVersion(),
                loadThreads);
        float[][] first = null;
        float firstLoss = Float.NaN;
        final PassTally tally = new PassTally(parameters.size());
        for (int pass = 0; pass < passes; pass++) {
            final float[][] gradients = new float[parameters.size()][];
            final float loss = pass(trainer, parameters, x, y, gradients);
            if (first == null) {
                first = gradients;
                firstLoss = loss;
                continue;
            }
            tally.add(pass, first, firstLoss, gradients, loss);
        }
        report(parameters, tally.nonFinite, tally.maxDiff);
        System.out.printf(
                "%d of %d passes had a non-finite gradient; %d differed from the first pass in"
                        + " some bit%n",
                tally.badPasses, passes - 1, tally.differentPasses);
        return tally.badPasses == 0 ? 0 : 1;
    }

    /** Each later pass against the first: per parameter and in all, what was non-finite or new. */
    private static final class PassTally {
        private final int[] nonFinite;
        private final double[] maxDiff;
        private int badPasses;
        private int differentPasses;

        PassTally(final int parameters) {
            nonFinite = new int[parameters];
            maxDiff = new double[parameters];
        }

        /** Counts pass {@code pass} and prints it if any gradient or the loss is non-finite. */
        void add(
                final int pass,
                final float[][] first,
                final float firstLoss,
                final float[][] gradients,
                final float loss) {
            boolean bad = !Float.isFinite(loss);
            boolean different = Float.compare(loss, firstLoss) != 0;
            for (int p = 0; p < gradients.length; p++) {
                final Comparison c = compare(first[p], gradients[p]);
                if (c.nonFinite) {
                    nonFinite[p]++;
                    bad = true;
                }
                maxDiff[p] = Math.max(maxDiff[p], c.maxDiff);
                different |= c.maxDiff > 0;
            }
            if (bad) {
                badPasses++;
                System.out.printf("pass %d: non-finite gradients (loss %s)%n", pass, loss);
            }
            if (different) {
                differentPasses++;
            }
        }
    }

    /** One forward/backward with cleared gradients and the engine reseeded (same dropout). */
    private float pass(
            final Trainer trainer,
            final List<Pair<String, Parameter>> parameters,
            final float[] x,
            final float[] y,
            final float[][] gradients) {
        try (NDManager scope = trainer.getManager().newSubManager()) {
            for (final Pair<String, Parameter> p : parameters) {
                final NDArray weight = p.getValue().getArray();
                if (weight.hasGradient()) {
                    final NDArray gradient = weight.getGradient();
                    gradient.attach(scope);
                    // Written, not computed: 0 * NaN would stay NaN.
                    gradient.set(new float[Math.toIntExact(weight.size())]);
                }
            }
            Engine.getInstance().setRandomSeed(seed);
            final float loss;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                // Created anew from host arrays in every pass, as the training loop does.
                final NDArray input = scope.create(x, new Shape(batch, 6, 150));
                final NDArray labels = scope.create(y, new Shape(batch, SoftTargets.BINS));
                final NDList output = trainer.forward(new NDList(input));
                final NDArray value = trainer.getLoss().evaluate(new NDList(labels), output);
                collector.backward(value);
                loss = value.getFloat();
                output.attach(scope);
                value.attach(scope);
            }
            for (int i = 0; i < gradients.length; i++) {
                final NDArray weight = parameters.get(i).getValue().getArray();
                if (weight.hasGradient()) {
                    final NDArray gradient = weight.getGradient();
                    gradient.attach(scope);
                    gradients[i] = gradient.toFloatArray();
                } else {
                    gradients[i] = new float[0];
                }
            }
            return loss;
        }
    }

    private record Comparison(boolean nonFinite, double maxDiff) {}

    private static Comparison compare(final float[] reference, final float[] gradient) {
        boolean nonFinite = false;
        double max = 0;
        for (int i = 0; i < gradient.length; i++) {
            if (!Float.isFinite(gradient[i])) {
                nonFinite = true;
            } else {
                max = Math.max(max, Math.abs(gradient[i] - reference[i]));
            }
        }
        return new Comparison(nonFinite, max);
    }

    private static void report(
            final List<Pair<String, Parameter>> parameters,
            final int[] nonFinite,
            final double[] maxDiff) {
        System.out.printf("%-70s %10s %12s%n", "parameter (input first)", "non-finite", "max diff");
        int nearestOutput = -1;
        for (int p = 0; p < parameters.size(); p++) {
            if (nonFinite[p] > 0 || maxDiff[p] > 0) {
                System.out.printf(
                        "%-70s %10d %12.3g%n",
                        parameters.get(p).getKey(), nonFinite[p], maxDiff[p]);
            }
            if (nonFinite[p] > 0) {
                nearestOutput = p;
            }
        }
        if (nearestOutput >= 0) {
            System.out.printf(
                    "non-finite gradients reach up to %s: the backward of the operation after it"
                            + " produced them%n",
                    parameters.get(nearestOutput).getKey());
        }
    }

    private float[] targets(final SplittableRandom random) {
        final float[] y = new float[batch * SoftTargets.BINS];
        for (int n = 0; n < batch; n++) {
            SoftTargets.into(random.nextDouble(0, 17), y, n * SoftTargets.BINS);
        }
        return y;
    }

    private List<Thread> startLoad(final AtomicBoolean done) {
        final List<Thread> out = new ArrayList<>();
        for (int i = 0; i < loadThreads; i++) {
            final Thread t =
                    Thread.ofPlatform()
                            .daemon()
                            .start(
                                    () -> {
                                        long spin = 0;
                                        while (!done.get()) {
                                            spin = spin * 6364136223846793005L + 1;
                                        }
                                        if (spin == 42) {
                                            System.out.print("");
                                        }
                                    });
            out.add(t);
        }
        return out;
    }

    private Thread startCollections(final AtomicBoolean done) {
        return Thread.ofPlatform()
                .daemon()
                .start(
                        () -> {
                            while (!done.get()) {
                                System.gc();
                                try {
                                    Thread.sleep(gcEveryMs);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                        });
    }
}
