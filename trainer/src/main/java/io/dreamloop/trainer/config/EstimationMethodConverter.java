package io.dreamloop.trainer.config;

import io.dreamloop.contracts.event.EstimationMethod;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * Reads {@code dreamloop.trainer.training.method} by its wire name; an unknown name fails startup
 * instead of training on nothing.
 */
public final class EstimationMethodConverter implements Converter<EstimationMethod> {
    private static final long serialVersionUID = 1L;

    @Override
    public EstimationMethod convert(final String value) {
        return EstimationMethod.fromWireName(value.strip());
    }
}
