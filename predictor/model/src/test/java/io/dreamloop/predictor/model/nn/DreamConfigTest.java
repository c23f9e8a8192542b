package io.dreamloop.predictor.model.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DreamConfigTest {

    @Test
    void rnnConfigRejectsInvalidSizesNamingTheField() {
        assertThatThrownBy(() -> new DreamRnnConfig(List.of(), 4, 4, 0f, 0f))
                .hasMessage("kernels must not be empty");
        assertThatThrownBy(() -> new DreamRnnConfig(List.of(9, 8), 4, 4, 0f, 0f))
                .hasMessage("kernel must be odd and positive, but was 8");
        assertThatThrownBy(() -> new DreamRnnConfig(List.of(9), 0, 4, 0f, 0f))
                .hasMessage("filtersPerBranch must be positive, but was 0");
        assertThatThrownBy(() -> new DreamRnnConfig(List.of(9), 4, -1, 0f, 0f))
                .hasMessage("lstmHidden must be positive, but was -1");
        assertThatThrownBy(() -> new DreamRnnConfig(List.of(9), 4, 4, 1f, 0f))
                .hasMessage("branchDropout must be in [0, 1), but was 1.0");
        assertThatThrownBy(() -> new DreamRnnConfig(List.of(9), 4, 4, 0f, Float.NaN))
                .hasMessage("outputDropout must be in [0, 1), but was NaN");
        assertThatThrownBy(() -> new DreamRnnConfig(null, 4, 4, 0f, 0f))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("kernels");
    }

    @Test
    void rnnConfigCopiesItsKernels() {
        final List<Integer> kernels = new ArrayList<>(List.of(9, 15));
        final DreamRnnConfig config = new DreamRnnConfig(kernels, 4, 4, 0f, 0f);
        kernels.add(3);
        assertThat(config.kernels()).containsExactly(9, 15);
        assertThat(DreamRnnConfig.paper())
                .isEqualTo(new DreamRnnConfig(List.of(9, 15), 160, 320, 0.2f, 0.5f));
    }

    @Test
    void attnConfigRejectsInvalidSizesNamingTheField() {
        assertThatThrownBy(() -> new DreamAttnConfig(0, 150, 2, 4, 7, 15, 0.1f))
                .hasMessage("channels must be positive, but was 0");
        assertThatThrownBy(() -> new DreamAttnConfig(64, 0, 2, 4, 7, 15, 0.1f))
                .hasMessage("length must be positive, but was 0");
        assertThatThrownBy(() -> new DreamAttnConfig(64, 150, 0, 4, 7, 15, 0.1f))
                .hasMessage("layers must be positive, but was 0");
        assertThatThrownBy(() -> new DreamAttnConfig(64, 150, 2, 0, 7, 15, 0.1f))
                .hasMessage("heads must be positive, but was 0");
        assertThatThrownBy(() -> new DreamAttnConfig(64, 150, 2, 3, 7, 15, 0.1f))
                .hasMessage("heads must divide channels, but 3 does not divide 64");
        assertThatThrownBy(() -> new DreamAttnConfig(64, 150, 2, 4, 6, 15, 0.1f))
                .hasMessage("firstKernel must be odd and positive, but was 6");
        assertThatThrownBy(() -> new DreamAttnConfig(64, 150, 2, 4, 7, 0, 0.1f))
                .hasMessage("convKernel must be odd and positive, but was 0");
        assertThatThrownBy(() -> new DreamAttnConfig(64, 150, 2, 4, 7, 15, -0.1f))
                .hasMessage("dropout must be in [0, 1), but was -0.1");
    }
}
