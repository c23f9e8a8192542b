package io.dreamloop.predictor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.dreamloop.contracts.event.DeadLetter;
import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.Lineage;
import io.dreamloop.contracts.event.ModelPublished;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.contracts.wire.EventCodec;
import io.dreamloop.testing.DreamloopInfrastructureResource;
import io.dreamloop.testing.Infrastructure;
import io.dreamloop.testing.TestTopics;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry follows model-published on the real broker; nothing it cannot serve gets in. */
@QuarkusTest
@WithTestResource(
        value = DreamloopInfrastructureResource.class,
        initArgs = @ResourceArg(name = "service", value = "predictor"))
class ModelRegistryIT {
    private final EventCodec codec = EventCodec.instance();
    private final String bootstrap = Infrastructure.get().kafkaBootstrap();

    private static ModelPublished model(
            final String version,
            final String architecture,
            final boolean champion,
            final char hash) {
        return new ModelPublished(
                EventTypes.header(ModelPublished.class, Lineage.NONE.withModelVersion(version)),
                version,
                architecture,
                null,
                String.valueOf(hash).repeat(64),
                "file:///models/" + version,
                champion,
                Map.of("pearson.all", 0.5));
    }

    @Test
    void registersVersionsOnceAndRejectsForeignArchitecturesAndUnloadableChampions() {
        final ModelPublished v1 = model("cnn-v1", "dream-cnn", false, 'a');
        final ModelPublished v2 = model("cnn-v2", "dream-cnn", false, 'b');
        final ModelPublished foreign = model("x-v1", "enformer", false, 'c');
        final ModelPublished missing = model("cnn-v3", "dream-cnn", true, 'd');
        // model-published has one partition: order is kept, the last dead letter marks the end.
        TestTopics.produce(
                bootstrap,
                Topics.MODEL_PUBLISHED,
                "models",
                List.of(
                        codec.encode(v1),
                        codec.encode(v1),
                        codec.encode(v2),
                        codec.encode(foreign),
                        codec.encode(missing),
                        "not json".getBytes(StandardCharsets.UTF_8)));
        final var read =
                TestTopics.readUntil(
                        bootstrap,
                        Topics.DEAD_LETTER,
                        r ->
                                codec.decode(r.value(), DeadLetter.class)
                                        .reason()
                                        .startsWith("malformed"),
                        Duration.ofSeconds(60));
        final List<String> reasons =
                read.stream().map(r -> codec.decode(r.value(), DeadLetter.class).reason()).toList();
        assertThat(reasons)
                .contains(
                        "rejected: model x-v1 has architecture 'enformer'; this predictor serves [dream-cnn, dream-rnn, dream-attn]");
        assertThat(reasons)
                .contains(
                        "rejected: model cnn-v3 cannot be loaded: model cnn-v3: artifact file:///models/cnn-v3 is not addressed by its sha256 "
                                + "d".repeat(64));
        given().get("/models").then().statusCode(200).body("size()", equalTo(2));
        given().get("/models/champion")
                .then()
                .statusCode(404)
                .body("message", equalTo("no champion model has been published yet"));
    }
}
