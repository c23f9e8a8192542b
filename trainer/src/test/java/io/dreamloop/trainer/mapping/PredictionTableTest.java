package io.dreamloop.trainer.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.dreamloop.trainer.persistence.TrainingRow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PredictionTableTest {

    @Test
    void oneLinePerPredictedRowInTheRowsOrderWithEmptyCellsForWhatARowLacks() {
        final List<TrainingRow> rows =
                List.of(
                        new TrainingRow("r2", "ACGT", 3.5, "snv", "p1", 3.25),
                        new TrainingRow("r1", "TTTT", 1.0, null, null, null),
                        new TrainingRow("r3", "GGGG", 2.0, "high", null, null));
        assertThat(PredictionTable.tsv(rows, Map.of("r1", 0.5, "r2", 4.0)))
                .isEqualTo(
                        PredictionTable.HEADER
                                + "r2\tsnv\tp1\t3.5\t3.25\t4.0\n"
                                + "r1\t\t\t1.0\t\t0.5\n");
    }
}
