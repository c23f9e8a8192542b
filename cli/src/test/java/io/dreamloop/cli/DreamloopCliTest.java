package io.dreamloop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command line's contract without services: usage errors exit 2, an unreachable service exits 1
 * naming the call. (The commands against the real services: deploy's {@code CliIT}.)
 */
class DreamloopCliTest {

    private record Run(int exit, String out, String err) {}

    private static Run run(final String... args) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine cli = DreamloopCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        final int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** A port nothing listens on: bound, then closed. */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void everyEverydayJobIsACommand() {
        assertThat(DreamloopCli.commandLine().getSubcommands())
                .containsKeys(
                        "status",
                        "design",
                        "sortseq",
                        "campaign",
                        "train",
                        "training",
                        "score",
                        "evaluate",
                        "models",
                        "lineage");
        assertThat(DreamloopCli.commandLine().getSubcommands().get("campaign").getSubcommands())
                .containsKeys("start", "list", "show", "watch", "cancel");
    }

    @Test
    void aMissingOptionIsAUsageErrorWithExitTwo() {
        final Run r = run("design", "--seed", "1");
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("Missing required option: '--count=SUBSET=N'");
        assertThat(run().exit).isEqualTo(2);
    }

    @Test
    void anUnreachableServiceExitsOneNamingTheCall() throws IOException {
        final String url = "http://127.0.0.1:" + closedPort();
        final Run r = run("campaign", "show", "camp-1", "--designer", url);
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err)
                .startsWith(
                        "dreamloop campaign show: GET %s/campaigns/camp-1: cannot reach the service"
                                .formatted(url))
                .contains("is it running?")
                .doesNotContain("at io.dreamloop");
    }

    @Test
    void aServiceThatIsUpButDoesNotAnswerInTimeIsSaidToHaveTimedOut(@TempDir final Path dir)
            throws IOException {
        final Path input = dir.resolve("one.fa");
        Files.writeString(input, ">s1\n" + "ACGT".repeat(30) + "\n");
        // Accepts the connection, never answers: a predictor busy with other work.
        try (ServerSocket busy = new ServerSocket(0)) {
            final Run r =
                    run(
                            "score",
                            "-i",
                            input.toString(),
                            "--timeout-seconds",
                            "1",
                            "--predictor",
                            "http://127.0.0.1:" + busy.getLocalPort());
            assertThat(r.exit).isEqualTo(1);
            assertThat(r.err)
                    .contains("POST http://127.0.0.1:" + busy.getLocalPort() + "/score")
                    .contains("timed out after 1 s without an answer")
                    .doesNotContain("is it running?");
        }
    }

    @Test
    void badLocalInputExitsOneBeforeAnyCall() throws IOException {
        final String url = "http://127.0.0.1:" + closedPort();
        final Run r = run("score", "-i", "/nonexistent/seqs.fa", "--predictor", url);
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err)
                .isEqualTo("dreamloop score: no such file: /nonexistent/seqs.fa%n".formatted());
        final Run campaign =
                run(
                        "campaign",
                        "start",
                        "--seed",
                        "1",
                        "--test-native-promoters",
                        "/nonexistent/promoters.fa",
                        "--designer",
                        url);
        assertThat(campaign.exit).isEqualTo(1);
        assertThat(campaign.err)
                .isEqualTo(
                        "dreamloop campaign start: --test-native-promoters: no such file: /nonexistent/promoters.fa%n"
                                .formatted());
        final Run design =
                run(
                        "design",
                        "-n",
                        "native=5",
                        "--seed",
                        "1",
                        "--native-promoters",
                        "/nonexistent/promoters.fa",
                        "--designer",
                        url);
        assertThat(design.exit).isEqualTo(1);
        assertThat(design.err)
                .isEqualTo(
                        "dreamloop design: --native-promoters: no such file: /nonexistent/promoters.fa%n"
                                .formatted());
    }
}
