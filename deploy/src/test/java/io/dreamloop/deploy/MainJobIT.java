package io.dreamloop.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.dreamloop.testing.Infrastructure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The README's main-job command on its embedded defaults: its own broker from Maven jars, the four
 * services on embedded H2, the event chain, a clean stop. Ports differ from the defaults so that it
 * can run beside a developer's own run.
 */
class MainJobIT {

    @Test
    void runsTheEventChainOnEmbeddedDefaultsAndStopsCleanly() {
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        final PrintStream original = System.out;
        final int exit;
        try (PrintStream tee =
                new PrintStream(new TeeStream(captured, original), true, StandardCharsets.UTF_8)) {
            System.setOut(tee);
            exit =
                    new CommandLine(new MainJob())
                            .execute(
                                    "--root", Infrastructure.repositoryRoot().toString(),
                                    "--kafka-port", "29092",
                                    "--base-port", "28081",
                                    "--sequences", "1000",
                                    "--seed", "11",
                                    "--campaign-cycles", "1",
                                    "--campaign-budget", "100",
                                    "--campaign-test-per-subset", "20");
        } finally {
            System.setOut(original);
        }
        final String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(out).isZero();
        assertThat(out)
                .contains("embedded H2 databases, real Kafka broker")
                .contains("all 4 services ready")
                .contains("dreamloop.lab-ingest.library-designed 1/3")
                .contains("designed and stored 1,000 members")
                .contains("stored 1,000 of 1,000 members")
                .contains("1,000 oligos scored by [dream-cnn-demo]")
                .contains("estimated 1000 members by MAUDE, 1000 by bin-weighted mean")
                .contains("maude-mean/maude 1,000")
                .contains("GA library lib-ga-")
                .contains("camp-random-11 cycle 1/1: finished")
                .contains("camp-uncertainty-11 cycle 1/1: finished")
                .contains("held-out Pearson r of each cycle's ensemble")
                .contains("on the test library (")
                .contains("challenge Pearson score of each cycle's ensemble:")
                .contains("Pearson r against the in-silico lab's noiseless truth:")
                .contains("camp-maximize-11 cycle 1/1: finished")
                .contains("each cycle's batch in truth (z; cycle 0 random): mean / top 10% / best")
                .contains(" 12. report: ")
                .contains("stopped all services and the broker");
        final java.nio.file.Path report =
                Infrastructure.repositoryRoot().resolve(".run/main/report");
        assertThat(report.resolve("index.html"))
                .content()
                .contains("<h2>Model score per cycle</h2>")
                .contains("<h2>Score on the test library per cycle</h2>")
                .contains("<h2>Expression of each cycle's batch</h2>")
                .contains("libraries/camp-random-11-test-cycle1-predictions.tsv")
                .contains("<svg")
                .contains("libraries/camp-uncertainty-11-c1.tsv");
        assertThat(report.resolve("libraries/camp-uncertainty-11-c1.tsv"))
                .content()
                .contains("acquisition.uncertainty")
                .contains("reason=ensemble sd ");
        assertThat(report.resolve("libraries/camp-random-11-c1.tsv"))
                .content()
                .contains("acquisition.random");
        // Step 9: the new version is compared with the imported fixture on the same held-out
        // rows; the predictor serves whichever the decision names.
        final java.util.regex.Matcher step9 =
                java.util.regex.Pattern.compile(
                                "(?m)^  9\\. .*: (dream-cnn-\\S+) trained on .*; (not champion|champion): held-out r -?\\d\\.\\d{4} (<|>=) -?\\d\\.\\d{4} of dream-cnn-demo \\(served by the predictor, TorchScript import\\); the predictor serves (\\S+)$")
                        .matcher(out);
        assertThat(step9.find()).as(out).isTrue();
        assertThat(step9.group(4))
                .isEqualTo(step9.group(2).equals("champion") ? step9.group(1) : "dream-cnn-demo");
        final java.util.Map<String, Double> means = new java.util.HashMap<>();
        final java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("(?m)^\\s+(high|low|random)\\s+([0-9.]+)$")
                        .matcher(out);
        while (m.find()) {
            means.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        // The GA, scored by the real model over Kafka, moves predictions both ways from random.
        assertThat(means.get("high")).as(out).isGreaterThan(means.get("random"));
        assertThat(means.get("low")).as(out).isLessThan(means.get("random"));
    }

    /** Writes to two streams: the test keeps the output and the log shows it. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(final java.io.OutputStream a, final java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(final int value) throws java.io.IOException {
            a.write(value);
            b.write(value);
        }

        @Override
        public void write(final byte[] bytes, final int off, final int len)
                throws java.io.IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
