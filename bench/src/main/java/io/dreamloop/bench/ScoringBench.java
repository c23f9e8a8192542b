package io.dreamloop.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.ModelSize;
import io.dreamloop.predictor.model.Precision;
import io.dreamloop.predictor.model.SequenceEncoding;
import io.dreamloop.predictor.model.artifact.DjlModels;
import io.dreamloop.predictor.model.artifact.ModelManifest;
import io.dreamloop.predictor.model.artifact.ModelStore;
import io.dreamloop.predictor.model.nn.PrixFixeNet;
import io.dreamloop.predictor.model.scoring.ModelScorer;
import io.dreamloop.predictor.model.scoring.StoredModels;
import io.dreamloop.predictor.model.scoring.TorchScriptModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Scoring throughput of a DREAM model through DJL, per batch size: sequences per second, each
 * sequence scored on both strands as the predictor does (two forward passes). With {@code
 * --precision float16} every batch size is measured in float32 and in float16 in the same run, and
 * the float16 predictions are compared with the float32 ones on the same sequences (the reference
 * beside the number).
 */
@Command(
        name = "scoring",
        mixinStandardHelpOptions = true,
        description = "Scoring throughput per batch size (and precision against float32).")
final class ScoringBench implements Callable<Integer> {

    @Option(
            names = "--model",
            defaultValue = "../shared/data/models/dream_cnn_demo.pt",
            description =
                    "TorchScript model (.pt, float32 only), or a model store artifact <store>/<sha256> (default ${DEFAULT-VALUE}).")
    Path model;

    @Option(
            names = "--architecture",
            description =
                    "Score a DJL model of this architecture (dream-cnn, dream-rnn, dream-attn) with seeded initial weights instead of --model.")
    String architecture;

    @Option(
            names = "--size",
            defaultValue = "cpu",
            description =
                    "Size of the --architecture model: cpu or paper (default ${DEFAULT-VALUE}).")
    String size;

    @Option(
            names = "--batch-sizes",
            split = ",",
            defaultValue = "1,16,64,256",
            description = "Batch sizes (default ${DEFAULT-VALUE}).")
    List<Integer> batchSizes;

    @Option(
            names = "--sequences",
            defaultValue = "1024",
            description = "Sequences per measurement (default ${DEFAULT-VALUE}).")
    int sequences;

    @Option(
            names = "--seed",
            defaultValue = "2022",
            description =
                    "Seed of the random sequences and of --architecture's weights (default ${DEFAULT-VALUE}).")
    long seed;

    @Mixin DeviceOption device = new DeviceOption();

    @Mixin PrecisionOption precision = new PrecisionOption();

    @Spec CommandSpec spec;

    /** Loads the measured model in a precision on a device. */
    @FunctionalInterface
    private interface Source {
        Model load(Precision precision, Device device);
    }

    /** One measurement: seconds to score the input, and its predictions (mean of both strands). */
    private record Run(double seconds, float[] predictions) {}

    @Override
    public Integer call() {
        final Device on = device.device();
        final Precision asked = precision.checkedOn(on, spec);
        final Source source = source(asked);
        final List<DnaSequence> input = randomOligos(sequences, seed);
        System.out.printf(
                "scoring %s on %s in %s (cuDNN autotuning %s; %d CPU threads visible), %,d random 110-bp oligos, both strands%n",
                architecture != null
                        ? architecture + " " + size + " (seeded)"
                        : model.getFileName(),
                on,
                asked.wireName(),
                device.cudnnBenchmark() ? "on" : "off",
                Runtime.getRuntime().availableProcessors(),
                sequences);
        if (asked == Precision.FLOAT32) {
            float32Table(source, input, on);
        } else {
            comparisonTable(source, input, on, asked);
        }
        return 0;
    }

    private void float32Table(final Source source, final List<DnaSequence> input, final Device on) {
        System.out.printf("%10s %12s %14s%n", "batch", "seconds", "sequences/s");
        for (final int batch : batchSizes) {
            final Run run = run(source, Precision.FLOAT32, input, batch, on);
            System.out.printf(
                    "%10d %12.2f %14.1f%n", batch, run.seconds(), sequences / run.seconds());
        }
    }

    private void comparisonTable(
            final Source source,
            final List<DnaSequence> input,
            final Device on,
            final Precision asked) {
        final String p = asked.wireName();
        System.out.printf(
                "%8s %14s %14s %9s %12s %12s%n",
                "batch", "float32 seq/s", p + " seq/s", "speed-up", "max |diff|", "mean |diff|");
        for (final int batch : batchSizes) {
            final Run full = run(source, Precision.FLOAT32, input, batch, on);
            final Run reduced = run(source, asked, input, batch, on);
            final double[] diff = absoluteDifference(reduced.predictions(), full.predictions());
            System.out.printf(
                    "%8d %14.1f %14.1f %9.2f %12.6f %12.6f%n",
                    batch,
                    sequences / full.seconds(),
                    sequences / reduced.seconds(),
                    full.seconds() / reduced.seconds(),
                    diff[0],
                    diff[1]);
        }
        System.out.printf(
                "diff: %s minus float32 in the expected bin (0-17, both strands averaged), same sequences and weights%n",
                p);
    }

    /** {max, mean} of |a - b|. */
    static double[] absoluteDifference(final float[] a, final float[] b) {
        double max = 0;
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            final double d = Math.abs(a[i] - b[i]);
            max = Math.max(max, d);
            sum += d;
        }
        return new double[] {max, sum / a.length};
    }

    private static Run run(
            final Source source,
            final Precision p,
            final List<DnaSequence> input,
            final int batch,
            final Device on) {
        try (ModelScorer scorer =
                new ModelScorer(
                        source.load(p, on), SequenceEncoding.DREAM_2022, batch, p.dataType())) {
            scorer.score(input.subList(0, Math.min(input.size(), Math.max(batch, 32))));
            final long t0 = System.nanoTime();
            final float[] predictions = scorer.score(input).mean();
            return new Run((System.nanoTime() - t0) / 1e9, predictions);
        }
    }

    /** What is measured: a seeded DJL architecture, a store artifact or a TorchScript file. */
    private Source source(final Precision asked) {
        if (architecture != null) {
            try {
                final Architecture a = Architecture.fromWireName(architecture);
                final ModelSize s = ModelSize.fromWireName(size);
                return (p, on) -> seeded(a, s, p, on);
            } catch (final IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        if (Files.isDirectory(model)) {
            return artifact(asked);
        }
        if (asked != Precision.FLOAT32) {
            throw new ParameterException(
                    spec.commandLine(),
                    "%s is a TorchScript module: it runs as traced, in float32; for %s pass a djl artifact (--model <store>/<sha256>) or --architecture"
                            .formatted(model, asked.wireName()));
        }
        return (p, on) -> TorchScriptModels.load(model.toAbsolutePath(), on);
    }

    private Source artifact(final Precision asked) {
        final ModelStore store = new ModelStore(model.toAbsolutePath().getParent());
        final String sha256 = model.getFileName().toString();
        final ModelManifest manifest = store.manifest(sha256);
        if (StoredModels.servable(manifest, asked) != asked) {
            throw new ParameterException(
                    spec.commandLine(),
                    "artifact %s is %s: it runs in float32 only"
                            .formatted(sha256, manifest.format()));
        }
        return (p, on) -> StoredModels.load(store, sha256, on, p);
    }

    /** An architecture with the engine seeded before its initial weights, cast to {@code p}. */
    private Model seeded(
            final Architecture a, final ModelSize s, final Precision p, final Device on) {
        final Record config = DjlModels.configuration(a, s);
        final PrixFixeNet net = DjlModels.build(a, DjlModels.configurationOf(config));
        final Model m = Model.newInstance(a.wireName(), on, "PyTorch");
        m.setBlock(net);
        m.getNDManager().getEngine().setRandomSeed((int) seed);
        net.initialize(
                m.getNDManager(),
                DataType.FLOAT32,
                new Shape(1, SequenceEncoding.CHANNELS, SequenceEncoding.LENGTH));
        if (p != Precision.FLOAT32) {
            DjlModels.cast(net, p.dataType());
        }
        return m;
    }

    /**
     * Seconds to score {@code input} on both strands with a freshly loaded TorchScript model, after
     * one warm-up batch.
     */
    static double secondsToScore(
            final Path model, final List<DnaSequence> input, final int batch, final Device device) {
        return run(
                        (p, on) -> TorchScriptModels.load(model, on),
                        Precision.FLOAT32,
                        input,
                        batch,
                        device)
                .seconds();
    }

    static List<DnaSequence> randomOligos(final int n, final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<DnaSequence> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            final char[] bases = new char[80];
            for (int j = 0; j < 80; j++) {
                bases[j] = DnaSequence.BASES.charAt(random.nextInt(4));
            }
            out.add(Flanks.DREAM_2022.wrap(DnaSequence.of(new String(bases))));
        }
        return out;
    }
}
