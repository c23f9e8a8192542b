package io.dreamloop.predictor.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dreamloop.predictor.game.GameError;
import io.dreamloop.predictor.game.GameException;
import io.dreamloop.predictor.game.GameJson;
import io.dreamloop.predictor.game.GamePredictor;
import io.dreamloop.predictor.game.GameRequestReader;
import io.quarkus.logging.Log;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The GAME edge ({@code io.dreamloop.predictor.game}): {@code GET /formats}, {@code GET /help},
 * {@code POST /predict}. Bodies are JSON whatever the {@code Accept} header asks (GAME's evaluator
 * asks for MessagePack and falls back to JSON, as its protocol allows), and a request without a
 * {@code Content-Type} is read as JSON. Errors raised here keep GAME's shape (an error key holding
 * a list of messages, with {@code predictor_name}); the rest of the API keeps its own.
 */
@Path("/")
public class GameResource {
    private final GamePredictor predictor;

    @Inject
    public GameResource(final GamePredictor predictor) {
        this.predictor = predictor;
    }

    @GET
    @Path("/formats")
    public Response formats() {
        return json(200, predictor.formats());
    }

    @GET
    @Path("/help")
    public Response help() {
        return json(200, predictor.help());
    }

    @POST
    @Path("/predict")
    public Response predict(
            @HeaderParam(HttpHeaders.CONTENT_TYPE) final String contentType, final byte[] body) {
        return json(
                200, predictor.predict(GameRequestReader.read(GameJson.read(body, contentType))));
    }

    /** A refused or failed request, in GAME's shape. */
    @ServerExceptionMapper
    public Response refused(final GameException e) {
        return error(e);
    }

    /** Anything else that goes wrong on a GAME path is GAME's {@code server_error}. */
    @ServerExceptionMapper
    public Response unexpected(final RuntimeException e) {
        Log.errorf(e, "GAME request failed");
        return error(
                new GameException(
                        GameError.SERVER_ERROR,
                        "the predictor failed: %s".formatted(e.getMessage())));
    }

    private Response error(final GameException e) {
        final ObjectNode body = GamePredictor.named(predictor.name());
        final var list = body.putArray(e.error().key());
        e.messages().forEach(list::add);
        return json(e.error().status(), body);
    }

    private static Response json(final int status, final ObjectNode body) {
        return Response.status(status).entity(body).type(GameJson.JSON).build();
    }
}
