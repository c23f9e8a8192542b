package io.dreamloop.predictor.config;

import io.dreamloop.predictor.model.Precision;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * Reads {@code dreamloop.predictor.scoring.precision} by its wire name; an unknown name fails
 * start-up with the valid ones.
 */
public final class PrecisionConverter implements Converter<Precision> {
    private static final long serialVersionUID = 1L;

    @Override
    public Precision convert(final String value) {
        return Precision.fromWireName(value);
    }
}
