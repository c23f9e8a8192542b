package io.dreamloop.predictor.model.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A forward pass leaves behind only its input and its logits: every intermediate array the three
 * architectures make is freed as the pass goes (it used to stay attached to the input's manager
 * until that closed), in inference and in training, where backward still reaches every parameter.
 */
class IntermediatesTest {

    static Stream<Arguments> architectures() {
        return Stream.of(
                Arguments.of(
                        "dream-cnn",
                        (Supplier<PrixFixeNet>) () -> DreamCnn.build(DreamCnnConfig.cpu())),
                Arguments.of(
                        "dream-rnn",
                        (Supplier<PrixFixeNet>) () -> DreamRnn.build(DreamRnnConfig.cpu())),
                Arguments.of(
                        "dream-attn",
                        (Supplier<PrixFixeNet>) () -> DreamAttn.build(DreamAttnConfig.cpu())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("architectures")
    void inferenceLeavesOnlyInputAndLogits(final String name, final Supplier<PrixFixeNet> build) {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(5);
            final PrixFixeNet net = build.get();
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 6, 150));
            try (NDManager scope = manager.newSubManager()) {
                final NDArray x = scope.randomUniform(0f, 1f, new Shape(3, 6, 150));
                final NDArray logits =
                        net.forward(new ParameterStore(scope, false), new NDList(x), false)
                                .singletonOrThrow();

                assertThat(logits.getShape()).isEqualTo(new Shape(3, 18));
                assertThat(scope.getManagedArrays()).containsExactlyInAnyOrder(x, logits);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("architectures")
    void trainingStillReachesEveryParameter(final String name, final Supplier<PrixFixeNet> build) {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(6);
            final PrixFixeNet net = build.get();
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 6, 150));
            for (final Parameter p : net.getParameters().values()) {
                if (p.requiresGradient()) {
                    p.getArray().setRequiresGradient(true);
                }
            }
            try (NDManager scope = manager.newSubManager();
                    GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                final NDArray x = scope.randomUniform(0f, 1f, new Shape(3, 6, 150));
                final NDArray logits =
                        net.forward(new ParameterStore(scope, false), new NDList(x), true)
                                .singletonOrThrow();
                assertThat(scope.getManagedArrays()).containsExactlyInAnyOrder(x, logits);
                collector.backward(logits.square().sum());
            }
            for (final Parameter p : net.getParameters().values()) {
                if (p.requiresGradient()) {
                    final NDArray grad = p.getArray().getGradient();
                    assertThat(
                                    grad.isInfinite().any().getBoolean()
                                            || grad.isNaN().any().getBoolean())
                            .as("%s: finite gradient", p.getName())
                            .isFalse();
                    assertThat(grad.abs().sum().getFloat())
                            .as("%s: a gradient reached it", p.getName())
                            .isPositive();
                }
            }
        }
    }
}
