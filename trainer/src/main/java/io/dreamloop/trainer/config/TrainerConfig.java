package io.dreamloop.trainer.config;

import ai.djl.Device;
import io.dreamloop.contracts.event.EstimationMethod;
import io.dreamloop.contracts.event.ExpressionScale;
import io.dreamloop.predictor.model.DeviceDefaults;
import io.dreamloop.predictor.model.ModelSize;
import io.dreamloop.predictor.model.Precision;
import io.dreamloop.training.TrainingDefaults;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** trainer settings. */
@ConfigMapping(prefix = "dreamloop.trainer")
public interface TrainerConfig {

    /** The dataset. */
    Dataset dataset();

    /** Training runs: when, what and how. */
    Training training();

    /** Training runs. */
    interface Training {
        /** Architecture: {@code dream-cnn}, {@code dream-rnn} or {@code dream-attn}. */
        @WithDefault(TrainingDefaults.ARCHITECTURE)
        String architecture();

        /** {@code cpu} (small configuration, for this machine and tests) or {@code paper}. */
        @WithDefault(TrainingDefaults.SIZE)
        @WithConverter(ModelSizeConverter.class)
        ModelSize size();

        /**
         * {@code fine-tune} (from the champion when it has this architecture and configuration,
         * else from scratch) or {@code scratch}.
         */
        @WithDefault("fine-tune")
        @WithConverter(TrainingMode.Converter.class)
        TrainingMode mode();

        /**
         * Start a run automatically once this many new measurements have arrived since the last
         * run; 0 trains only on request ({@code POST /training}).
         */
        @WithDefault("0")
        long every();

        /** Scale of the training data (the DREAM recipe's soft bins need {@code bin-index}). */
        @WithDefault("bin-index")
        String scale();

        /** Estimation method of the training data. */
        @WithDefault("bin-weighted-mean")
        @WithConverter(EstimationMethodConverter.class)
        EstimationMethod method();

        /** DREAM-format files ({@code sequence<TAB>expression}) added to the training data. */
        Optional<List<String>> files();

        /**
         * Epochs per run; the best epoch's weights are kept. With the CPU DREAM-CNN at batch 128 on
         * demo_train the best epoch falls between 7 and 12 (README, Training).
         */
        @WithDefault(TrainingDefaults.EPOCHS)
        int epochs();

        /**
         * Batch size (the paper's is 1024, for 80 epochs of 1000 batches on a GPU). On CPU-sized
         * data sets smaller batches give the one-cycle schedule enough steps: on demo_train the CPU
         * DREAM-CNN reaches validation r 0.60 at batch 128 and about 0.57 at 1024.
         */
        @WithDefault(TrainingDefaults.BATCH_SIZE)
        int batchSize();

        /**
         * Sequences per validation forward pass, and per forward pass when the trainer scores
         * stored models (champion, candidate, campaign ensembles); absent: by the device, 256 on a
         * CPU and 1024 on a GPU ({@link #validationBatchSizeOn}). The paper's is 4096, on a GPU.
         * DJL frees a forward pass's intermediate arrays only when its scope closes, so a pass
         * holds all of them at once: 4096 sequences through the CPU DREAM-CNN hold about 12 GiB,
         * 256 under 1 GiB. The scores do not depend on it (evaluation is per sequence).
         */
        Optional<Integer> validationBatchSize();

        /** The configured validation batch, or the device's default. */
        default int validationBatchSizeOn(final Device device) {
            return validationBatchSize()
                    .orElse(
                            device.isGpu()
                                    ? DeviceDefaults.GPU_SCORING_BATCH
                                    : Integer.parseInt(TrainingDefaults.VALIDATION_BATCH_SIZE));
        }

        /**
         * Peak learning rate; absent means the recipe's (0.005, 0.001 for DREAM-Attn) at every
         * batch size (measured: at batch 128 the recipe's rate trains the CPU DREAM-CNN to r 0.60
         * on demo_train, where the linearly scaled 0.000625 stays far below).
         */
        Optional<Double> maxLr();

        /** Held-out fraction, chosen by a hash of the sequence so it is stable across runs. */
        @WithDefault("0.1")
        double validationFraction();

        /** Seed of shuffling and initialization. */
        @WithDefault(TrainingDefaults.SEED)
        long seed();

        /** The content-addressed model store, shared with the predictor. */
        @WithDefault(".run/models")
        String store();

        /**
         * Where runs train and models are scored: {@code auto} (the first GPU the engine sees, else
         * the CPU), {@code cpu}, {@code gpu} or {@code gpu:N}.
         */
        @WithDefault("auto")
        String device();

        /**
         * Precision the trainer scores stored models in ({@link Precision}): the served champion
         * and a run's candidate on the held-out rows, campaign ensembles on test libraries. {@code
         * float32} (default) or {@code float16} (DJL-format models; TorchScript ones stay float32);
         * {@code bfloat16} is refused (DJL 0.35.1 cannot make bfloat16 arrays). Training, and the
         * per-epoch validation of the weights being trained, stay float32: DJL 0.35.1 has no
         * autocast (README, GPU path).
         */
        @WithDefault("float32")
        @WithConverter(PrecisionConverter.class)
        Precision precision();

        /**
         * cuDNN autotuning ({@code ai.djl.pytorch.cudnn_benchmark}) for training and scoring;
         * absent: on for a GPU, off for a CPU (where it does nothing).
         */
        Optional<Boolean> cudnnBenchmark();

        /**
         * When a new version becomes champion: {@code not-worse} (its held-out Pearson r is at
         * least that of the champion the predictor serves, whatever its origin, on the same rows;
         * not when the served champion cannot be loaded), {@code always} or {@code never}.
         */
        @WithDefault("not-worse")
        @WithConverter(ChampionPolicy.Converter.class)
        ChampionPolicy championPolicy();
    }

    /** Training for campaigns. */
    Campaign campaign();

    /**
     * Campaign cycles: once a cycle's run is measured, an ensemble is trained from scratch on the
     * campaign's own measurements (members differ in seed) and published with the campaign's
     * lineage; the campaign's next acquisition scores candidates with it.
     */
    interface Campaign {
        /** Models per cycle; uncertainty acquisition needs at least 2. */
        @WithDefault("2")
        int ensemble();

        /**
         * Whether a campaign's models may become the service's champion: {@code never} (a
         * campaign's models serve the campaign), {@code not-worse} or {@code always}.
         */
        @WithDefault("never")
        @WithConverter(ChampionPolicy.Converter.class)
        ChampionPolicy championPolicy();
    }

    /** What enters the dataset. */
    interface Dataset {
        /**
         * Expression scales this trainer accepts; measurements on any other scale are dead-lettered
         * rather than silently mixed with the rest.
         */
        @WithDefault("bin-index,maude-mean,maude-z,assay-native")
        Set<String> scales();

        /**
         * Lab QC flags that keep a measurement out of training and held-out rows: by default {@code
         * low-reads} (fewer sorted reads than lab-ingest's {@code qc.min-reads}, an estimate set
         * mostly by noise). {@code none} trains on every measurement. A run's view counts the rows
         * it skipped.
         */
        @WithDefault("low-reads")
        Set<String> excludeFlags();

        /** The flags that keep a measurement out of training, none when set to {@code none}. */
        default Set<String> excludedFlags() {
            return excludeFlags().equals(Set.of("none")) ? Set.of() : excludeFlags();
        }

        /** True if {@code scale} is accepted. */
        default boolean accepts(final ExpressionScale scale) {
            return scales().contains(scale.wireName());
        }
    }
}
