package io.dreamloop.designer.design;

import java.util.Optional;

/**
 * Counts why candidate sequences were turned down, for the message of an unsatisfiable request: the
 * constraints (with the first reason seen as an example) or a sequence already in the library.
 */
final class Rejections {
    private int byConstraints;
    private int duplicates;
    private String example;

    /**
     * Records the verdict on one candidate.
     *
     * @return true when the candidate is accepted
     */
    boolean accept(final Optional<String> violation, final boolean duplicate) {
        if (violation.isPresent()) {
            byConstraints++;
            if (example == null) {
                example = violation.get();
            }
            return false;
        }
        if (duplicate) {
            duplicates++;
            return false;
        }
        return true;
    }

    @Override
    public String toString() {
        return "%d rejected by the constraints%s, %d already in the library"
                .formatted(
                        byConstraints,
                        example == null ? "" : " (e.g. " + example + ")",
                        duplicates);
    }
}
