package io.dreamloop.bench;

import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.artifact.ModelStore;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of the campaign benchmarks' ensembles and in-silico lab. */
final class CampaignBenchOptions {
    @Option(
            names = "--ensemble",
            defaultValue = "3",
            description = "Models per ensemble (default ${DEFAULT-VALUE}).")
    int ensemble;

    @Option(
            names = "--architecture",
            defaultValue = "dream-cnn",
            description = "Architecture, CPU size (default ${DEFAULT-VALUE}).")
    String architecture;

    @Option(
            names = "--epochs",
            defaultValue = "5",
            description = "Epochs per model (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(
            names = "--batch-size",
            defaultValue = "128",
            description = "Training batch (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(
            names = "--max-lr",
            defaultValue = "0.003",
            description =
                    "Peak learning rate; halved once on divergence (default ${DEFAULT-VALUE}).")
    double maxLr;

    @Option(
            names = "--cells",
            defaultValue = "100",
            description = "Mean cells per sequence in a sort (default ${DEFAULT-VALUE}).")
    double cells;

    @Option(
            names = "--reads-per-cell",
            defaultValue = "10",
            description = "Sequencing depth (default ${DEFAULT-VALUE}).")
    double readsPerCell;

    @Option(
            names = "--motifs",
            defaultValue = "../shared/data/jaspar/derived_yeast_selected_TFs_transfac.txt",
            description = "Motifs of the in-silico lab's ground truth (default ${DEFAULT-VALUE}).")
    Path motifs;

    @Mixin DeviceOption device = new DeviceOption();

    @Mixin PrecisionOption precision = new PrecisionOption();

    /** The in-silico lab these options describe. */
    BenchLab lab() {
        return new BenchLab(motifs, cells, readsPerCell);
    }

    /** The ensembles these options describe, stored in {@code store}. */
    BenchEnsemble ensembles(final ModelStore store) {
        return new BenchEnsemble(
                store,
                Architecture.fromWireName(architecture),
                ensemble,
                epochs,
                batchSize,
                maxLr,
                device.device(),
                precision.checkedOn(device.device()));
    }
}
