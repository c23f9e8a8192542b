package io.dreamloop.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void rendersTheFractionAsABarAndAPercentage() {
        assertThat(ProgressBar.render(0.5, "epoch 2/4"))
                .isEqualTo("[" + "#".repeat(15) + ".".repeat(15) + "]  50%  epoch 2/4");
        assertThat(ProgressBar.render(1.7, "done")).startsWith("[" + "#".repeat(30) + "] 100%");
        assertThat(ProgressBar.render(Double.NaN, "designing lib-1 ... 3 s"))
                .isEqualTo("designing lib-1 ... 3 s");
        assertThat(ProgressBar.render(0.2, "100% sure")).endsWith("100% sure");
    }

    @Test
    void onATerminalItRedrawsOneLineInPlace() {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final ProgressBar bar =
                new ProgressBar(
                        new PrintStream(bytes, true, StandardCharsets.UTF_8), true, () -> 0);
        bar.update(0.1, "a longer label");
        bar.update(0.2, "short");
        bar.done();
        final String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("\r[").endsWith("\n");
        assertThat(out.chars().filter(c -> c == '\n')).hasSize(1);
        // The shorter second label blanks out what is left of the first.
        final String second = out.substring(out.lastIndexOf('\r') + 1).stripTrailing();
        assertThat(second).endsWith("short");
        assertThat(out.substring(out.lastIndexOf('\r') + 1).length() - 1)
                .isEqualTo(ProgressBar.render(0.1, "a longer label").length());
    }

    @Test
    void intoAFileItPrintsALineWhenTheLabelChangesOrEveryThirtySeconds() {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final long[] now = {0};
        final ProgressBar bar =
                new ProgressBar(
                        new PrintStream(bytes, true, StandardCharsets.UTF_8), false, () -> now[0]);
        bar.update(0.1, "cycle 0/2: designing");
        now[0] += 1_000_000_000L;
        bar.update(0.1, "cycle 0/2: designing");
        now[0] += ProgressBar.LINE_EVERY_NANOS;
        bar.update(0.1, "cycle 0/2: designing");
        bar.update(0.4, "cycle 1/2: designing");
        bar.done();
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
                .hasSize(3)
                .allSatisfy(l -> assertThat(l).doesNotContain("\r"));
    }
}
