package io.dreamloop.predictor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReplyRouteTest {

    @Test
    void aConfiguredPartitionWinsAndMustExist() {
        assertThat(new ReplyRoute("designer-1", OptionalInt.of(5)).resolve(6).partition())
                .isEqualTo(5);
        assertThatThrownBy(() -> new ReplyRoute("designer-1", OptionalInt.of(6)).resolve(6))
                .hasMessage(
                        "reply partition 6 is not a partition of dreamloop.scores-computed, which"
                                + " has 6");
        assertThatThrownBy(() -> new ReplyRoute("designer", OptionalInt.of(-1)))
                .hasMessage("reply partition must be >= 0, but was -1");
    }

    @Test
    void statefulSetOrdinalsBelowThePartitionCountGetPartitionsOfTheirOwn() {
        assertThat(
                        IntStream.range(0, 6)
                                .map(
                                        i ->
                                                new ReplyRoute("designer-" + i, OptionalInt.empty())
                                                        .resolve(6)
                                                        .partition()))
                .containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(new ReplyRoute("designer-7", OptionalInt.empty()).resolve(6).partition())
                .isEqualTo(1);
        // More partitions need no change in the clients: the ordinal still decides.
        assertThat(new ReplyRoute("designer-7", OptionalInt.empty()).resolve(12).partition())
                .isEqualTo(7);
    }

    @Test
    void anyOtherNameHashesToTheSamePartitionEveryTime() {
        final ReplyRoute route = new ReplyRoute("designer-7d9f8-x2kqz", OptionalInt.empty());
        final int partition = route.resolve(6).partition();
        assertThat(partition).isBetween(0, 5).isEqualTo(route.resolve(6).partition());
        assertThat(partition).isEqualTo(Math.floorMod("designer-7d9f8-x2kqz".hashCode(), 6));
    }

    @Test
    void aBlankNameOrNoPartitionsIsRefused() {
        assertThatThrownBy(() -> new ReplyRoute(" ", OptionalInt.empty()))
                .hasMessage("instance name must not be blank");
        assertThatThrownBy(() -> new ReplyRoute("d", OptionalInt.empty()).resolve(0))
                .hasMessage("partitions must be >= 1, but was 0");
    }
}
