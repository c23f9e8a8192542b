package io.dreamloop.trainer.service;

import io.dreamloop.trainer.persistence.TrainingRow;
import io.dreamloop.training.DreamDataset;
import io.dreamloop.training.TrainingExample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** DREAM-format files ({@code sequence<TAB>expression}) as training rows without a subset. */
final class DreamFiles {
    private DreamFiles() {}

    static List<TrainingRow> read(final Path file) {
        try {
            final List<TrainingExample> examples = DreamDataset.read(file).rows();
            final List<TrainingRow> out = new ArrayList<>(examples.size());
            for (int i = 0; i < examples.size(); i++) {
                final TrainingExample e = examples.get(i);
                out.add(
                        new TrainingRow(
                                "file:" + file.getFileName() + ":" + (i + 1),
                                e.sequence().bases(),
                                e.value(),
                                null,
                                null));
            }
            return out;
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read training file " + file, e);
        }
    }
}
