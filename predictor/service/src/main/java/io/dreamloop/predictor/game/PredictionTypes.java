package io.dreamloop.predictor.game;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The prediction types GAME defines ({@code API/Evaluator_requests.md}): {@code accessibility},
 * {@code expression} and its named kinds, {@code binding_{molecule}} with the molecule in lower
 * case without special characters, and {@code conformation_{isoform}}.
 */
final class PredictionTypes {
    private static final Set<String> NAMED =
            Set.of(
                    "accessibility",
                    "expression",
                    "expression_mRNA",
                    "expression_pol1",
                    "expression_pol2",
                    "expression_pol3",
                    "expression_splicing_acceptor",
                    "expression_splicing_donor");

    private static final Pattern BINDING = Pattern.compile("binding_[a-z0-9]+");

    private static final Pattern CONFORMATION = Pattern.compile("conformation_[A-Za-z0-9_]+");

    private PredictionTypes() {}

    /** Whether GAME defines this type. */
    static boolean isDefined(final String type) {
        return NAMED.contains(type)
                || BINDING.matcher(type).matches()
                || CONFORMATION.matcher(type).matches();
    }
}
