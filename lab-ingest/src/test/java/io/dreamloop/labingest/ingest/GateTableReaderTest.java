package io.dreamloop.labingest.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dreamloop.contracts.event.BinGate;
import io.dreamloop.labingest.estimation.SortGates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Gate tables as labs write them: quantiles, MAUDE's columns, fluorescence bounds; and MAUDE's own
 * bin table, read as the estimators' gates.
 */
class GateTableReaderTest {

    private static String cd69() throws IOException {
        return Files.readString(
                Path.of(
                        System.getProperty("dreamloop.root", ".."),
                        "..",
                        "shared",
                        "data",
                        "maude",
                        "CD69_bin_percentiles.txt"));
    }

    @Test
    void readsMaudesBinTableWithItsOverlapAsSortGates() throws IOException {
        final SortGates g = GateTableReader.sortGates(cd69());
        assertThat(g.bins())
                .extracting(SortGates.Bin::name)
                .containsExactly("baseline", "low", "medium", "high");
        assertThat(g.bins().get(1).endQuantile()).isGreaterThan(g.bins().get(2).startQuantile());
        assertThat(g.bins().get(0).startZ()).isCloseTo(-3.090232306167813, within(1e-12));
        assertThat(g.bins().get(3).endZ()).isCloseTo(3.090232306167813, within(1e-12));
    }

    @Test
    void takesMaudesZBoundsWhenTheTableGivesThem() {
        final SortGates g =
                GateTableReader.sortGates(
                        "Bin\tbinStartQ\tbinEndQ\tbinStartZ\tbinEndZ\n"
                                + "lo\t0.1\t0.5\t-1.5\t0.1\n"
                                + "hi\t0.5\t0.9\t0.1\t1.5\n");
        assertThat(g.bins().get(0).startZ()).isEqualTo(-1.5);
        assertThat(g.bins().get(1).endZ()).isEqualTo(1.5);
    }

    @Test
    void namesTheLineOfABadBinInMaudesTable() {
        assertThatThrownBy(
                        () -> GateTableReader.sortGates("Bin\tbinStartQ\tbinEndQ\na\t0.2\t0.1\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void readsMaudesTableWithACellsColumn() throws IOException {
        final String maude = cd69();
        final StringBuilder withCells = new StringBuilder();
        final String[] lines = maude.strip().split("\\R");
        withCells.append(lines[0]).append("\tcells\n");
        for (int i = 1; i < lines.length; i++) {
            withCells.append(lines[i]).append("\t").append(1000 * i).append('\n');
        }
        final GateTable table = GateTableReader.read(withCells.toString(), null);
        assertThat(table.binNames()).containsExactly("baseline", "low", "medium", "high");
        assertThat(table.gates().get(1).startQuantile()).isEqualTo(0.658470995483854);
        assertThat(table.cells()).containsExactly(1000L, 2000L, 3000L, 4000L);
    }

    @Test
    void turnsFluorescenceBoundsIntoQuantilesOfTheLogNormalPopulation() {
        final GateTable table =
                GateTableReader.read(
                        "bin,start_fluorescence,end_fluorescence,cells\n"
                                + "low,0,1000,500\n"
                                + "high,1000,inf,500\n",
                        new GateTableReader.Population(3, 0.5));
        final BinGate low = table.gates().get(0);
        final BinGate high = table.gates().get(1);
        assertThat(low.startQuantile()).isZero();
        assertThat(low.endQuantile()).isCloseTo(0.5, within(1e-9));
        assertThat(high.endQuantile()).isEqualTo(1);
    }

    @Test
    void gatesOutOfOrderAreRefusedAsEstimationWouldRefuseThem() {
        // Bin b lies inside bin a: each row is fine alone, the order is not.
        assertThatThrownBy(
                        () ->
                                GateTableReader.read(
                                        "\uFEFFbin,start_quantile,end_quantile,cells\n"
                                                + "a,0.1,0.9,5\n"
                                                + "b,0.2,0.3,5\n",
                                        null))
                .isInstanceOf(CountTableException.class)
                .hasMessageStartingWith(
                        "gate table: bins must be in increasing order, but bin 1 'b'");
    }

    @Test
    void namesTheLineAndColumnOfEveryProblem() {
        assertThatThrownBy(
                        () ->
                                GateTableReader.read(
                                        "bin\tstart_quantile\tend_quantile\tcells\n"
                                                + "a\t0.1\tx\t5\n"
                                                + "b\t0.5\t0.4\t5\n"
                                                + "c\t0.6\t0.7\t-1\n",
                                        null))
                .isInstanceOfSatisfying(
                        CountTableException.class,
                        e ->
                                assertThat(e.problems())
                                        .containsExactly(
                                                "gate table line 2, column end_quantile: 'x' is not a number",
                                                "gate table line 3: gate 'b' needs 0 <= start < end <= 1, but was [0.5, 0.4]",
                                                "gate table line 4, column cells: '-1' is not a whole number of cells >= 0"));
        assertThatThrownBy(
                        () ->
                                GateTableReader.read(
                                        "bin,start_fluorescence,end_fluorescence,cells\nlow,0,10,5\n",
                                        null))
                .hasMessageContaining("fluorescence gates need the unsorted population's log10");
        assertThatThrownBy(() -> GateTableReader.read("bin,cells\na,5\n", null))
                .hasMessageContaining("needs bin, cells and either start_quantile");
    }
}
