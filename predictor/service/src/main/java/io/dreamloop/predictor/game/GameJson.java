package io.dreamloop.predictor.game;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Locale;

/**
 * Reads a GAME request body. GAME sends JSON, and its own predictor reads a body without a {@code
 * Content-Type} as JSON, so this one does too. A key given twice in one object is refused rather
 * than the last one kept (GAME: duplicate sequence ids are a bad request).
 */
public final class GameJson {
    /** The one format this predictor reads and writes, as GAME's {@code /formats} names it. */
    public static final String JSON = "application/json";

    private static final ObjectMapper STRICT =
            JsonMapper.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .build();

    private GameJson() {}

    /**
     * @param body the request body
     * @param contentType its {@code Content-Type} header, or null when there is none
     * @throws GameException ({@link GameError#BAD_PREDICTION_REQUEST}) for another content type, an
     *     empty body, JSON that does not parse, or a key given twice
     */
    public static JsonNode read(final byte[] body, final String contentType) {
        requireJson(contentType);
        if (body == null || body.length == 0) {
            throw bad("the request body is empty; send the request as a JSON object");
        }
        try {
            return STRICT.readTree(body);
        } catch (final StreamReadException e) {
            throw bad(unreadable(e));
        } catch (final MismatchedInputException e) {
            throw bad(
                    "the request body is not valid JSON: it holds more than one value%s; send one object"
                            .formatted(where(e.getLocation())));
        } catch (final IOException e) {
            throw bad("the request body could not be read as JSON: " + e.getMessage());
        }
    }

    private static void requireJson(final String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        final String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals(JSON)) {
            throw bad(
                    "Content-Type '%s' is not supported; send %s (GET /formats lists what this predictor reads)"
                            .formatted(contentType, JSON));
        }
    }

    private static String unreadable(final StreamReadException e) {
        final String where = where(e.getLocation());
        if (e.getOriginalMessage().startsWith("Duplicate field")
                && e.getProcessor() instanceof JsonParser parser) {
            final JsonStreamContext object = parser.getParsingContext();
            final String key = object.getCurrentName();
            final JsonStreamContext parent = object.getParent();
            final String in =
                    parent == null || parent.getCurrentName() == null
                            ? "at the top level"
                            : "in '%s'".formatted(parent.getCurrentName());
            return "key '%s' appears more than once %s%s; ids and keys must be unique"
                    .formatted(key, in, where);
        }
        return "the request body is not valid JSON: %s%s".formatted(e.getOriginalMessage(), where);
    }

    private static String where(final JsonLocation location) {
        return location == null
                ? ""
                : " (line %d, column %d)".formatted(location.getLineNr(), location.getColumnNr());
    }

    private static GameException bad(final String message) {
        return new GameException(GameError.BAD_PREDICTION_REQUEST, message);
    }
}
