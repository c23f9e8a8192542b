package io.dreamloop.predictor.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GameJsonTest {
    private static byte[] bytes(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static GameException refused(final String body, final String contentType) {
        return catchThrowableOfType(
                GameException.class, () -> GameJson.read(bytes(body), contentType));
    }

    @Test
    void aBodyWithoutContentTypeIsReadAsJsonAsGamesOwnPredictorDoes() {
        assertThat(GameJson.read(bytes("{\"readout\": \"point\"}"), null).path("readout").asText())
                .isEqualTo("point");
        assertThat(GameJson.read(bytes("{}"), "Application/JSON; charset=UTF-8").isObject())
                .isTrue();
    }

    @Test
    void anotherContentTypeIsABadRequestNamingIt() {
        final GameException e = refused("{}", "text/plain");
        assertThat(e.error()).isEqualTo(GameError.BAD_PREDICTION_REQUEST);
        assertThat(e.messages())
                .containsExactly(
                        "Content-Type 'text/plain' is not supported; send application/json (GET"
                                + " /formats lists what this predictor reads)");
    }

    @Test
    void malformedOrEmptyJsonIsABadRequestWithItsPlace() {
        assertThat(refused("{\"readout\": ", null).messages().getFirst())
                .startsWith("the request body is not valid JSON: ")
                .contains("line 1");
        assertThat(refused("{} {}", null).messages())
                .containsExactly(
                        "the request body is not valid JSON: it holds more than one value (line 1,"
                                + " column 4); send one object");
        assertThat(refused("", null).messages())
                .containsExactly("the request body is empty; send the request as a JSON object");
    }

    @Test
    void aKeyGivenTwiceIsRefusedRatherThanTheLastOneKept() {
        final GameException ids =
                refused("{\"sequences\": {\"seq1\": \"ACGT\", \"seq1\": \"TTTT\"}}", null);
        assertThat(ids.error()).isEqualTo(GameError.BAD_PREDICTION_REQUEST);
        assertThat(ids.messages().getFirst())
                .startsWith("key 'seq1' appears more than once in 'sequences' (line 1");
        assertThat(refused("{\"readout\": \"point\", \"readout\": \"track\"}", null).messages())
                .singleElement()
                .asString()
                .startsWith("key 'readout' appears more than once at the top level");
    }
}
