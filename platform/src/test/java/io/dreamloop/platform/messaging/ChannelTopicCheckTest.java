package io.dreamloop.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class ChannelTopicCheckTest {

    private static Config config(final Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
    }

    @Test
    void catalogTopicWithItsGroupPasses() {
        assertThat(
                        ChannelTopicCheck.check(
                                config(
                                        Map.of(
                                                "mp.messaging.incoming.library-designed.topic",
                                                        "dreamloop.library-designed",
                                                "mp.messaging.incoming.library-designed.group.id",
                                                        "dreamloop.lab-ingest.library-designed")),
                                "lab-ingest"))
                .isEmpty();
    }

    @Test
    void unknownTopicAndSharedGroupAreNamed() {
        assertThat(
                        ChannelTopicCheck.check(
                                config(
                                        Map.of(
                                                "mp.messaging.incoming.libs.topic",
                                                        "dreamloop.library-designd",
                                                "mp.messaging.incoming.runs.topic",
                                                        "dreamloop.sortseq-run-submitted",
                                                "mp.messaging.incoming.runs.group.id",
                                                        "lab-ingest")),
                                "lab-ingest"))
                .containsExactlyInAnyOrder(
                        "channel 'libs' reads 'dreamloop.library-designd', which is not a catalog topic",
                        "channel 'runs' has group 'lab-ingest', expected 'dreamloop.lab-ingest.sortseq-run-submitted'");
    }
}
