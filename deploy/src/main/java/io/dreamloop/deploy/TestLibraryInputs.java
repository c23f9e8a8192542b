package io.dreamloop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.contracts.sequence.Subset;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.evaluation.DreamTestSubsets;
import io.dreamloop.evaluation.InputFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a campaign's test library needs beyond its sizes to hold every DREAM test subset: a second
 * model for the challenging subset and promoter sequences for the native one.
 */
final class TestLibraryInputs {
    private TestLibraryInputs() {}

    /**
     * The first of {@code versions} that the predictor knows and does not serve as champion: the
     * model the challenging subset sets against the champion; empty when there is none.
     */
    static Optional<String> challenger(final LocalStack stack, final List<String> versions) {
        final Set<String> others = new HashSet<>();
        for (final JsonNode model : stack.http().getJson(stack.url(Topics.PREDICTOR) + "/models")) {
            if (!model.path("champion").asBoolean()) {
                others.add(model.path("modelVersion").asText());
            }
        }
        return versions.stream().filter(others::contains).findFirst();
    }

    /**
     * The DREAM test set's native yeast promoter fragments (their variable regions) as FASTA, one
     * record per row of the test file (rows listed twice once), named by the row; empty when the
     * file is not there.
     */
    static Optional<String> nativePromoters(final Path testSubsets) {
        if (!Files.isDirectory(testSubsets)) {
            return Optional.empty();
        }
        final List<DreamTestSubsets.Member> members;
        try {
            members = DreamTestSubsets.members(testSubsets, Subset.NATIVE);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        } catch (final InputFormatException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        final StringBuilder fasta = new StringBuilder();
        final Set<String> named = new HashSet<>();
        for (final DreamTestSubsets.Member m : members) {
            // The test file lists some fragments twice under the same row.
            if (!named.add(m.id())) {
                continue;
            }
            fasta.append(">yeast-")
                    .append(m.id())
                    .append('\n')
                    .append(Flanks.DREAM_2022.unwrap(m.sequence()).bases())
                    .append('\n');
        }
        return Optional.of(fasta.toString());
    }
}
