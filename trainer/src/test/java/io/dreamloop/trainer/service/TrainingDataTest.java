package io.dreamloop.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.trainer.persistence.TrainingRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingDataTest {
    private static final List<TrainingRow> ROWS = Fakes.rows(200, 7);

    @Test
    void eachRowGoesToTheSideTheHeldOutRuleNames() {
        final TrainingData data =
                new TrainingData(Fakes.config("/tmp/store"), new Fakes.Measurements(ROWS, 0));
        final RunData split = data.split(ROWS, 4);
        final List<TrainingRow> expectedHeldOut =
                ROWS.stream()
                        .filter(r -> HeldOut.heldOut(r.sequence(), r.pairKey(), 42, 0.1))
                        .toList();
        assertThat(split.heldOut().rows()).containsExactlyElementsOf(expectedHeldOut);
        assertThat(split.train()).hasSize(ROWS.size() - expectedHeldOut.size());
        assertThat(split.heldOutExamples()).hasSize(expectedHeldOut.size());
        assertThat(split.skippedFlagged()).isEqualTo(4);
    }

    @Test
    void tooLittleDataNamesTheScaleMethodAndCounts() {
        final TrainingData data =
                new TrainingData(Fakes.config("/tmp/store"), new Fakes.Measurements(ROWS, 0));
        assertThatThrownBy(() -> data.split(ROWS.subList(0, 12), 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("too little data on scale bin-index by bin-weighted-mean:")
                .hasMessageEndingWith("(need 10 and 3)");
    }

    @Test
    void readAsksTheStoreForTheCampaignsRowsAndCountsTheFlagged() {
        final Fakes.Measurements store = new Fakes.Measurements(ROWS, 9);
        final RunData read = new TrainingData(Fakes.config("/tmp/store"), store).read("camp-1");
        assertThat(store.campaignsAsked).containsExactly("camp-1");
        assertThat(read.train().size() + read.heldOut().rows().size()).isEqualTo(ROWS.size());
        assertThat(read.skippedFlagged()).isEqualTo(9);
    }
}
