package io.dreamloop.designer.rest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a sequence was designed: one library member, as {@code GET /sequences/{sequence}} shows it.
 *
 * @param libraryId the library
 * @param memberId the member
 * @param subset the subset it was designed for
 * @param pairId its pair, or null
 * @param method how it was designed
 * @param provenance design provenance as an object of strings ({@code key=value;...} as stored), or
 *     the stored string when it is not in that form
 * @param predictions predicted expression per model as an object of numbers, or the stored string
 *     when it is not in that form
 * @param campaignId the campaign whose cycle library it is, or null
 * @param createdAt when the library was requested
 */
public record SequenceOriginView(
        String libraryId,
        String memberId,
        String subset,
        String pairId,
        String method,
        Object provenance,
        Object predictions,
        String campaignId,
        Instant createdAt) {

    /**
     * A stored {@code key=value;...} string as a map (empty for an empty string), or the string
     * itself when a part has no {@code =} or a key repeats.
     */
    static Object keyValues(final String stored, final boolean numbers) {
        final Map<String, Object> out = new LinkedHashMap<>();
        if (stored.isEmpty()) {
            return out;
        }
        for (final String part : stored.split(";", -1)) {
            final int eq = part.indexOf('=');
            if (eq <= 0 || out.containsKey(part.substring(0, eq))) {
                return stored;
            }
            final String value = part.substring(eq + 1);
            out.put(part.substring(0, eq), numbers ? number(value) : value);
        }
        return out;
    }

    /** A finite number as a number, anything else as the text. */
    private static Object number(final String value) {
        try {
            final double d = Double.parseDouble(value);
            return Double.isFinite(d) ? (Object) d : value;
        } catch (final NumberFormatException e) {
            return value;
        }
    }
}
