package io.dreamloop.trainer.config;

import io.dreamloop.predictor.model.ModelSize;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * Reads {@code dreamloop.trainer.training.size} by its wire name; an unknown name fails startup.
 */
public final class ModelSizeConverter implements Converter<ModelSize> {
    private static final long serialVersionUID = 1L;

    @Override
    public ModelSize convert(final String value) {
        return ModelSize.fromWireName(value.strip());
    }
}
