package io.dreamloop.labingest.ingest;

import io.dreamloop.contracts.event.BinGate;
import io.dreamloop.labingest.estimation.SortGates;
import java.util.List;
import java.util.Objects;

/**
 * The gates of an uploaded run and the cells the sorter put in each: gates that MAUDE can use, in
 * increasing order, checked here so that a run with gates that estimation would refuse is never
 * stored.
 *
 * @param gates the gates as population quantiles, in bin order
 * @param cells cells sorted into each bin, in the same order
 */
public record GateTable(List<BinGate> gates, List<Long> cells) {
    public GateTable {
        gates = List.copyOf(Objects.requireNonNull(gates, "gates"));
        cells = List.copyOf(Objects.requireNonNull(cells, "cells"));
        if (gates.isEmpty() || gates.size() != cells.size()) {
            throw new IllegalArgumentException(
                    "%d gates with %d cell counts".formatted(gates.size(), cells.size()));
        }
        SortGates.fromBinGates(gates);
    }

    /** The bin names, in order: the bin columns a count table must have. */
    public List<String> binNames() {
        return gates.stream().map(BinGate::name).toList();
    }
}
