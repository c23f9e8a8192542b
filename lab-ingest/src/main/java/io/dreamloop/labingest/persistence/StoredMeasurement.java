package io.dreamloop.labingest.persistence;

import java.util.List;

/**
 * One stored measurement, with MAUDE's full output where the method is MAUDE.
 *
 * @param memberId the library member
 * @param method the estimation method
 * @param expression the estimate
 * @param reads reads behind it
 * @param singleton whether it rests on one cell
 * @param qcFlags quality flags
 * @param cells cells behind the estimate: Σ_b (reads_b / all reads in b) × cells sorted into b
 * @param logLikelihood MAUDE's log L(μ̂), null for other methods
 * @param z MAUDE's μ̂ − μ_NT when the run names negative controls, else null
 * @param llRatio MAUDE's log L(μ̂) − log L(μ_NT) when the run names negative controls, else null
 */
public record StoredMeasurement(
        String memberId,
        String method,
        double expression,
        long reads,
        boolean singleton,
        List<String> qcFlags,
        double cells,
        Double logLikelihood,
        Double z,
        Double llRatio) {
    public StoredMeasurement {
        qcFlags = List.copyOf(qcFlags);
    }
}
