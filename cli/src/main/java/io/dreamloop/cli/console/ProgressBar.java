package io.dreamloop.cli.console;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * A progress bar for long work watched by polling. On a terminal it redraws one line in place
 * ({@code [#########...........] 45% label}); into a file or pipe, where carriage returns make a
 * mess, it prints a line only when the label changes or every {@link #LINE_EVERY_NANOS}, so a log
 * of a long campaign stays readable.
 */
public final class ProgressBar {
    static final int WIDTH = 30;
    static final long LINE_EVERY_NANOS = 30_000_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier clock;
    private String lastLabel;
    private long lastLine = Long.MIN_VALUE;
    private int drawn;

    /**
     * @param out where to print
     * @param terminal true to redraw in place (an interactive terminal)
     */
    public ProgressBar(final PrintStream out, final boolean terminal) {
        this(out, terminal, System::nanoTime);
    }

    ProgressBar(final PrintStream out, final boolean terminal, final LongSupplier clock) {
        this.out = out;
        this.terminal = terminal;
        this.clock = clock;
    }

    /** A bar on standard output that redraws in place when standard output is a terminal. */
    public static ProgressBar onStdout() {
        return new ProgressBar(
                System.out, System.console() != null && System.console().isTerminal());
    }

    /**
     * Shows progress.
     *
     * @param fraction done, clamped to [0, 1]; NaN when unknown (no bar, only the label)
     * @param label what is going on
     */
    public void update(final double fraction, final String label) {
        final String text = render(fraction, label);
        if (terminal) {
            final String padded = text + " ".repeat(Math.max(0, drawn - text.length()));
            out.print("\r" + padded);
            out.flush();
            drawn = text.length();
            return;
        }
        final long now = clock.getAsLong();
        if (!label.equals(lastLabel) || now - lastLine >= LINE_EVERY_NANOS) {
            out.println(text);
            lastLabel = label;
            lastLine = now;
        }
    }

    /** Ends the bar's line (on a terminal); later output starts on a new line. */
    public void done() {
        if (terminal && drawn > 0) {
            out.println();
            drawn = 0;
        }
    }

    static String render(final double fraction, final String label) {
        if (Double.isNaN(fraction)) {
            return label;
        }
        final double f = Math.max(0, Math.min(1, fraction));
        final int filled = (int) Math.round(f * WIDTH);
        return "[%s%s] %3d%%  %s"
                .formatted(
                        "#".repeat(filled),
                        ".".repeat(WIDTH - filled),
                        (int) Math.floor(f * 100 + 1e-9),
                        label);
    }
}
