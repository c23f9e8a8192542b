package io.dreamloop.bench;

import ai.djl.Device;
import io.dreamloop.predictor.model.Precision;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --precision} of the benchmarks that score with DJL models: the names of the predictor's
 * and the trainer's configuration ({@link Precision}). An unknown name is a usage error; one the
 * engine cannot run on the chosen device (bfloat16) is refused before any model loads ({@link
 * #checkedOn}).
 */
final class PrecisionOption {
    @Option(
            names = "--precision",
            defaultValue = "float32",
            converter = Named.class,
            description =
                    "Precision the models score in: float32 or float16 (DJL models; a TorchScript module runs in float32); bfloat16 is refused, DJL 0.35.1 cannot run it (default ${DEFAULT-VALUE}).")
    Precision precision;

    /** The precision asked for. */
    Precision precision() {
        return precision;
    }

    /**
     * The precision asked for, checked against the device.
     *
     * @throws IllegalArgumentException when the engine cannot run it there
     */
    Precision checkedOn(final Device device) {
        return precision.requireSupportedOn(device);
    }

    /**
     * The precision asked for, checked against the device, a usage error of {@code command} when
     * the engine cannot run it there.
     */
    Precision checkedOn(final Device device, final CommandSpec command) {
        try {
            return checkedOn(device);
        } catch (final IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
    }

    /** Reads a precision name as the services' configuration does. */
    static final class Named implements ITypeConverter<Precision> {
        @Override
        public Precision convert(final String name) {
            try {
                return Precision.fromWireName(name);
            } catch (final IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
