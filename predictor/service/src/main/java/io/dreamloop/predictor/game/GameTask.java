package io.dreamloop.predictor.game;

import java.util.Objects;
import java.util.Optional;

/**
 * One prediction task of a request, as asked.
 *
 * @param name unique within the request
 * @param type a GAME prediction type ({@link PredictionTypes})
 * @param cellType the cell type asked for, any text
 * @param species the species asked for
 * @param scale the scale asked for, when the task names one
 */
public record GameTask(
        String name, String type, String cellType, String species, Optional<Scale> scale) {
    public GameTask {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(cellType, "cellType");
        Objects.requireNonNull(species, "species");
        Objects.requireNonNull(scale, "scale");
    }
}
