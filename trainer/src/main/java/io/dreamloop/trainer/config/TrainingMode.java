package io.dreamloop.trainer.config;

import io.dreamloop.contracts.vocabulary.WireNames;

/** Where a training run's weights start. */
public enum TrainingMode {
    /**
     * From the champion when it has the run's architecture and size, otherwise from scratch: a run
     * on new measurements builds on what was learned.
     */
    FINE_TUNE,
    /** From freshly initialised weights (a campaign's ensemble members, whose seeds differ). */
    SCRATCH;

    /** The name in configuration and requests: {@code fine-tune}, {@code scratch}. */
    public String wireName() {
        return WireNames.of(this);
    }

    /**
     * The mode of a wire name.
     *
     * @throws IllegalArgumentException naming the valid names when there is no such mode
     */
    public static TrainingMode fromWireName(final String name) {
        return WireNames.parse(TrainingMode.class, name, "training mode");
    }

    /** Reads a mode from configuration by its wire name. */
    public static final class Converter
            implements org.eclipse.microprofile.config.spi.Converter<TrainingMode> {
        private static final long serialVersionUID = 1L;

        @Override
        public TrainingMode convert(final String value) {
            return fromWireName(value.strip());
        }
    }
}
