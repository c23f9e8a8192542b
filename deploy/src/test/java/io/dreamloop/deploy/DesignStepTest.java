package io.dreamloop.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DesignStepTest {

    @Test
    void aFlatModelIsCalledFlatInsteadOfItsLibraryDesigned() {
        // The main job's earlier champion: high 8.30, low 8.27, random 8.29, all within 0.1 bin.
        final Map<String, List<Double>> flat =
                Map.of(
                        "random", List.of(8.25, 8.29, 8.33, 8.30),
                        "high", List.of(8.30, 8.31),
                        "low", List.of(8.27, 8.26));

        assertThat(DesignStep.verdict(flat))
                .isEqualTo(
                        "the model is flat: its predictions over the random members vary by sd"
                                + " 0.033 bins (< 0.25), so the high and low members are not"
                                + " designed extremes; train a better model before designing with"
                                + " it");
    }

    @Test
    void aModelWithSpreadGivesTheSeparationOfHighAndLow() {
        final Map<String, List<Double>> designed =
                Map.of(
                        "random", List.of(9.0, 11.0, 10.0, 12.0, 8.0),
                        "high", List.of(14.0, 15.0),
                        "low", List.of(5.0, 6.0));

        // sd of the random members: sqrt(10 / 4) = 1.581; (14.5 - 5.5) / 1.581 = 5.7.
        assertThat(DesignStep.verdict(designed))
                .isEqualTo(
                        "designed: predictions over the random members vary by sd 1.581 bins; high"
                                + " - low = 5.7 sd");
        assertThat(DesignStep.verdict(Map.of("random", List.of(1.0))))
                .isEqualTo("(too few random members to judge the model's spread)");
    }
}
