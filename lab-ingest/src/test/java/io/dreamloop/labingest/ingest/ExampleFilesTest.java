package io.dreamloop.labingest.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example upload under docs/examples/sortseq is one that lab-ingest accepts. */
class ExampleFilesTest {
    private static final Path EXAMPLES = Path.of("../docs/examples/sortseq");

    @Test
    void theExampleGatesAndCountsParse() throws IOException {
        final GateTable gates =
                GateTableReader.read(Files.readString(EXAMPLES.resolve("gates.tsv")), null);
        assertThat(gates.binNames()).containsExactly("low", "mid-low", "mid-high", "high");
        final CountTable counts =
                CountTableParser.parse(
                        new StringReader(Files.readString(EXAMPLES.resolve("counts.tsv"))),
                        gates.binNames());
        assertThat(counts.rows()).hasSize(24);
        assertThat(counts.rows()).allMatch(r -> r.key().startsWith("lib-1-random-"));
        assertThat(counts.controls()).containsExactly("lib-1-random-000000", "lib-1-random-000001");
        assertThat(Files.readAllLines(EXAMPLES.resolve("controls.txt")))
                .containsExactly("lib-1-random-000002", "lib-1-random-000003");
    }
}
