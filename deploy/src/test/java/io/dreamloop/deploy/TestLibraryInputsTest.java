package io.dreamloop.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestLibraryInputsTest {
    private static final Path SUBSETS = Path.of("../../shared/data/dream2022/test_subsets");

    @Test
    void theNativeFragmentsAreTheDreamTestSetsVariableRegionsEachOnce() {
        final String fasta = TestLibraryInputs.nativePromoters(SUBSETS).orElseThrow();
        final List<String> names = new ArrayList<>();
        final Set<String> sequences = new HashSet<>();
        final String[] lines = fasta.split("\n");
        for (int i = 0; i < lines.length; i += 2) {
            assertThat(lines[i]).startsWith(">yeast-");
            names.add(lines[i]);
            sequences.add(lines[i + 1]);
            assertThat(lines[i + 1]).hasSize(80).matches("[ACGT]+");
        }
        // 964 rows, 578 distinct: the file lists some more than once.
        assertThat(names).doesNotHaveDuplicates().hasSize(578);
        assertThat(sequences).hasSize(names.size());
        assertThat(fasta.length()).isLessThan(512 * 1024);
    }

    @Test
    void withoutTheDataThereAreNoNativeFragments() {
        assertThat(TestLibraryInputs.nativePromoters(Path.of("/nonexistent"))).isEmpty();
    }
}
