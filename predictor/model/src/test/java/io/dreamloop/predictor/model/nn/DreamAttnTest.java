package io.dreamloop.predictor.model.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class DreamAttnTest {

    @Test
    void paperSizeHasTheReferenceParameterCounts() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(1);
            final PrixFixeNet net = DreamAttn.build(DreamAttnConfig.paper());
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 6, 150));

            assertThat(Parameters.countTrainable(net.first())).isEqualTo(10_752 + 512);
            final UnlockDnaCoreBlock core = (UnlockDnaCoreBlock) net.core();
            assertThat(core.positionEmbedding().getArray().getShape())
                    .isEqualTo(new Shape(150, 256));
            assertThat(core.positionEmbedding().getArray().size()).isEqualTo(38_400);
            final float meanSquare = core.positionEmbedding().getArray().pow(2).mean().getFloat();
            assertThat(meanSquare).isCloseTo(1f, Offset.offset(0.05f)); // N(0, 1), as nn.Embedding
            assertThat(core.layers()).hasSize(4);
            for (final ConformerLayer layer : core.layers()) {
                assertThat(Parameters.countTrainable(layer)).isEqualTo(1_121_280);
            }
            assertThat(Parameters.countTrainable(net.last())).isEqualTo(4_626);
            assertThat(Parameters.countTrainable(net)).isEqualTo(4_539_410);
        }
    }

    @Test
    void paperSizeMapsABatchToFiniteLogits() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(2);
            DreamRnnTest.assertFiniteLogits(manager, DreamAttn.build(DreamAttnConfig.paper()), 2);
        }
    }

    @Test
    void cpuSizeMapsABatchToFiniteLogits() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(3);
            DreamRnnTest.assertFiniteLogits(manager, DreamAttn.build(DreamAttnConfig.cpu()), 4);
        }
    }

    @Test
    void theCoreOnlyAcceptsTheLengthOfItsPositionEmbedding() {
        try (NDManager manager = NDManager.newBaseManager()) {
            final PrixFixeNet net = DreamAttn.build(DreamAttnConfig.cpu());
            assertThatThrownBy(
                            () -> net.initialize(manager, DataType.FLOAT32, new Shape(1, 6, 110)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "UnlockDNA core built for (N, 64, 150), but the input is (1, 64, 110)");
        }
    }
}
