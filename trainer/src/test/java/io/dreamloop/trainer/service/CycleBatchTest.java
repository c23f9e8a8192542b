package io.dreamloop.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CycleBatchTest {

    @Test
    void eachCycleGetsItsMeanTenthsAndExtremesWithTruthOnlyWhenAllIsKnown() {
        final List<double[]> rows = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            rows.add(new double[] {1, i, 2 * i});
        }
        rows.add(new double[] {0, 5, Double.NaN});
        rows.add(new double[] {0, 7, 1});
        final List<CycleBatch> batches = CycleBatch.of(rows);
        assertThat(batches).extracting(CycleBatch::cycle).containsExactly(0, 1);
        final CycleBatch first = batches.get(0);
        assertThat(first.n()).isEqualTo(2);
        assertThat(first.measured().mean()).isEqualTo(6.0);
        assertThat(first.measured().top10()).isEqualTo(7.0);
        assertThat(first.measured().min()).isEqualTo(5.0);
        assertThat(first.truth()).isNull();
        final CycleBatch second = batches.get(1);
        assertThat(second.measured().mean()).isCloseTo(10.5, within(1e-12));
        // The best tenth of 20 is the top 2: (20 + 19) / 2.
        assertThat(second.measured().top10()).isCloseTo(19.5, within(1e-12));
        assertThat(second.measured().bottom10()).isCloseTo(1.5, within(1e-12));
        assertThat(second.measured().max()).isEqualTo(20.0);
        assertThat(second.truth().max()).isEqualTo(40.0);
        assertThat(second.truth().top10()).isCloseTo(39.0, within(1e-12));
    }
}
