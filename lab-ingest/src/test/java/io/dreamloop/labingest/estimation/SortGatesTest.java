package io.dreamloop.labingest.estimation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dreamloop.contracts.event.BinGate;
import io.dreamloop.contracts.stats.Normal;
import io.dreamloop.labingest.ingest.GateTableReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SortGatesTest {

    /**
     * The real 4-bin gate table of the MAUDE repository, read from ../shared/data by the one gate
     * table reader (its parsing is tested in {@code ingest.GateTableReaderTest}).
     */
    static SortGates cd69() {
        final Path table =
                Path.of(
                        System.getProperty("dreamloop.root", ".."),
                        "..",
                        "shared",
                        "data",
                        "maude",
                        "CD69_bin_percentiles.txt");
        try {
            return GateTableReader.sortGates(Files.readString(table, StandardCharsets.UTF_8));
        } catch (final IOException e) {
            throw new IllegalStateException("cannot read " + table, e);
        }
    }

    @Test
    void contiguousBinsHaveEqualMass() {
        final SortGates g = SortGates.contiguous(18, 0.001);
        assertThat(g.size()).isEqualTo(18);
        for (int b = 0; b < 18; b++) {
            assertThat(g.bins().get(b).width()).isCloseTo(0.998 / 18, within(1e-12));
            assertThat(Normal.mass(g.bins().get(b).startZ(), g.bins().get(b).endZ()))
                    .isCloseTo(0.998 / 18, within(1e-12));
        }
        assertThat(g.binOf(0.0)).isEqualTo(9);
        assertThat(g.binOf(-3.2)).isEqualTo(-1);
    }

    @Test
    void roundTripsThroughBinGates() {
        final SortGates g = SortGates.fromBinGates(cd69().toBinGates());
        assertThat(g).isEqualTo(cd69());
    }

    @Test
    void rejectsBadGates() {
        assertThatThrownBy(() -> SortGates.Bin.of("x", 0.5, 0.5)).hasMessageContaining("'x'");
        assertThatThrownBy(() -> SortGates.Bin.of("x", -0.1, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                SortGates.fromBinGates(
                                        List.of(
                                                new BinGate("hi", 0.5, 0.9),
                                                new BinGate("lo", 0.1, 0.5))))
                .hasMessageContaining("increasing order");
    }
}
