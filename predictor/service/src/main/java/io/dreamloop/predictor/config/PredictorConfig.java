package io.dreamloop.predictor.config;

import io.dreamloop.predictor.model.Precision;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** predictor settings. */
@ConfigMapping(prefix = "dreamloop.predictor")
public interface PredictorConfig {

    /** The model registry. */
    Registry registry();

    /** Scoring. */
    Scoring scoring();

    /** What the registry accepts and where artifacts live. */
    interface Registry {
        /** Architectures this predictor can serve; a model of any other is dead-lettered. */
        @WithDefault("dream-cnn,dream-rnn,dream-attn")
        List<String> architectures();

        /** Directory of the content-addressed model store that imports write to. */
        @WithDefault(".run/models")
        String store();
    }

    /** How sequences are scored. */
    interface Scoring {
        /**
         * Device: {@code auto} (the first GPU when the engine sees one, else the CPU), {@code cpu},
         * {@code gpu} or {@code gpu:N}; one GPU per predictor instance.
         */
        @WithDefault("auto")
        String device();

        /**
         * Largest batch per forward pass, in rows: both strands of a sequence go through the same
         * pass, so a batch of 64 scores 32 sequences. Absent: by the resolved device ({@link
         * io.dreamloop.predictor.model.DeviceDefaults}), 64 on a CPU (fastest on 2 cores: 121
         * sequences/s for the DREAM-CNN against 66 at 256) and 1024 on a GPU (the reference
         * validates with 4096; 1024-4096 fill a data-centre GPU).
         */
        Optional<Integer> batchSize();

        /**
         * Precision of weights and inputs ({@link Precision}): {@code float32}, or {@code float16}
         * (about half the memory and up to twice the throughput on tensor cores; predictions differ
         * from float32 by at most 0.002 of the expected bin, measured). {@code bfloat16} is known
         * but refused at start-up: DJL 0.35.1's PyTorch JNI cannot make bfloat16 arrays. A reduced
         * precision applies to DJL-format models, whose parameters are cast after loading;
         * TorchScript modules are served as traced, in float32.
         */
        @WithDefault("float32")
        @WithConverter(PrecisionConverter.class)
        Precision precision();

        /**
         * cuDNN autotuning ({@code torch.backends.cudnn.benchmark}, DJL's {@code
         * ai.djl.pytorch.cudnn_benchmark}); absent: on for a GPU, off for a CPU (where it does
         * nothing). Our inputs have one shape, so the one search per shape pays off at once: it
         * doubled DREAM-CNN scoring speed on an H200.
         */
        Optional<Boolean> cudnnBenchmark();

        /** Intra-op threads of the PyTorch engine; default: one per core. */
        Optional<Integer> threads();

        /** Inter-op threads of the PyTorch engine; default: the engine's. */
        Optional<Integer> interopThreads();

        /** Largest number of sequences one HTTP request may ask for. */
        @WithDefault("100000")
        int maxSequencesPerRequest();

        /**
         * How often, at most, a request for the champion checks the champion recorded in the
         * database. Replicas share one consumer group and one database, so only one of them
         * consumes each model-published event; the others follow the champion it recorded within
         * this interval (loading it on the first request after the change).
         */
        @WithDefault("2s")
        Duration championCheck();
    }
}
