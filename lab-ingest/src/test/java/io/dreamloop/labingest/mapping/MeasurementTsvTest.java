package io.dreamloop.labingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.dreamloop.labingest.persistence.StoredMeasurement;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementTsvTest {

    @Test
    void writesOneLinePerMeasurementWithEmptyCellsForAbsentMaudeFields() {
        final String tsv =
                MeasurementTsv.of(
                        List.of(
                                new StoredMeasurement(
                                        "m1",
                                        "maude",
                                        0.5,
                                        120,
                                        false,
                                        List.of("low-reads", "at-bound"),
                                        12.3456,
                                        -3.25,
                                        1.5,
                                        2.0),
                                new StoredMeasurement(
                                        "m2",
                                        "bin-weighted-mean",
                                        7.0,
                                        3,
                                        true,
                                        List.of(),
                                        1.0,
                                        null,
                                        null,
                                        null)));
        assertThat(tsv.lines().toList())
                .containsExactly(
                        MeasurementTsv.HEADER.strip(),
                        "m1\tmaude\t0.5\t120\t12.35\tfalse\tlow-reads,at-bound\t-3.25\t1.5\t2.0",
                        "m2\tbin-weighted-mean\t7.0\t3\t1.0\ttrue\t\t\t\t");
    }
}
