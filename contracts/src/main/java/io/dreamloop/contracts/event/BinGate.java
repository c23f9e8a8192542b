package io.dreamloop.contracts.event;

import java.util.Objects;

/**
 * One sorting gate, as quantiles of the population's expression distribution.
 *
 * @param name the bin's name (e.g. {@code low}, {@code 7})
 * @param startQuantile lower bound, in [0, 1)
 * @param endQuantile upper bound, in (startQuantile, 1]
 */
public record BinGate(String name, double startQuantile, double endQuantile) {
    public BinGate {
        Objects.requireNonNull(name, "name");
        if (!(0 <= startQuantile && startQuantile < endQuantile && endQuantile <= 1)) {
            throw new IllegalArgumentException(
                    "gate '%s' needs 0 <= start < end <= 1, but was [%s, %s]"
                            .formatted(name, startQuantile, endQuantile));
        }
    }
}
