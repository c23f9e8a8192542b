package io.dreamloop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequenceInputTest {
    @TempDir Path dir;

    private Path file(final String name, final String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void readsWrappedFasta() throws IOException {
        assertThat(SequenceInput.read(file("a.fasta", ">s1 first\nACGT\nTTGG\n\n>s2\nCCCC\n")))
                .containsExactly(Map.entry("s1", "ACGTTTGG"), Map.entry("s2", "CCCC"));
    }

    @Test
    void readsTheDesignersLibraryFileByItsOligoAndIdColumns() throws IOException {
        final Path tsv =
                file(
                        "lib.tsv",
                        "id\tsubset\tpair_id\tvariable\toligo\tmethod\tpredictions\tprovenance\n"
                                + "lib-1\trandom\t\tAC\tTTACGG\trandom\t\t\n"
                                + "lib-2\trandom\t\tGT\tTTGTGG\trandom\t\t\n");
        assertThat(SequenceInput.read(tsv))
                .containsExactly(Map.entry("lib-1", "TTACGG"), Map.entry("lib-2", "TTGTGG"));
    }

    @Test
    void readsTheDreamFormatWithLineNumbersAsIds() throws IOException {
        assertThat(SequenceInput.read(file("d.txt", "AAAA\t4.0\nCCCC\t11\n")))
                .containsExactly(Map.entry("1", "AAAA"), Map.entry("2", "CCCC"));
    }

    @Test
    void badFilesAreRefusedNamingTheLine() throws IOException {
        final Path twice = file("t.fasta", ">a\nAC\n>a\nGT\n");
        assertThatThrownBy(() -> SequenceInput.read(twice))
                .hasMessage("%s line 3: id 'a' appears twice".formatted(twice));
        final Path orphan = file("o.fasta", "ACGT\n>a\nGT\n");
        assertThatThrownBy(() -> SequenceInput.read(orphan))
                .hasMessage("%s line 1: sequence before the first '>' header".formatted(orphan));
        final Path missing = file("m.tsv", "id\tsequence\nx\t\n");
        assertThatThrownBy(() -> SequenceInput.read(missing))
                .hasMessage("%s line 2: no sequence in column 2".formatted(missing));
        final Path empty = file("e.txt", "\n\n");
        assertThatThrownBy(() -> SequenceInput.read(empty))
                .hasMessage("%s holds no sequences".formatted(empty));
        assertThatThrownBy(() -> SequenceInput.read(dir.resolve("absent.fa")))
                .hasMessageStartingWith("no such file: ");
    }

    @Test
    void batchesKeepTheOrder() {
        final Map<String, String> all = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            all.put("s" + i, "ACGT");
        }
        assertThat(SequenceInput.batches(all, 2)).extracting(Map::size).containsExactly(2, 2, 1);
        assertThat(SequenceInput.batches(all, 2).get(2)).containsOnlyKeys("s4");
    }
}
