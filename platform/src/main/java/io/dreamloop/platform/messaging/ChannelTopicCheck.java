package io.dreamloop.platform.messaging;

import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.platform.config.PlatformConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses to start a service whose consumer channels name a topic that is not in {@link
 * Topics#CATALOG}, or whose consumer group is not {@link Topics#consumerGroup}: channel bindings
 * live in properties files, and this keeps them tied to the constants.
 */
@ApplicationScoped
public class ChannelTopicCheck {
    private static final Pattern TOPIC =
            Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");

    void onStart(@Observes @Priority(0) final StartupEvent event, final PlatformConfig platform) {
        final List<String> problems = check(ConfigProvider.getConfig(), platform.service());
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "consumer channels do not match the topic catalog: " + problems);
        }
    }

    /** The mismatches between the configured channels and the catalog. */
    static List<String> check(final Config config, final String service) {
        final List<String> problems = new ArrayList<>();
        for (final String name : config.getPropertyNames()) {
            final Matcher m = TOPIC.matcher(name);
            if (!m.matches()) {
                continue;
            }
            final String channel = m.group(1);
            final String topic = config.getValue(name, String.class);
            if (Topics.find(topic).isEmpty()) {
                problems.add(
                        "channel '%s' reads '%s', which is not a catalog topic"
                                .formatted(channel, topic));
                continue;
            }
            final String expected = Topics.consumerGroup(service, topic);
            final String group =
                    config.getOptionalValue(
                                    "mp.messaging.incoming." + channel + ".group.id", String.class)
                            .orElse("(none)");
            if (!expected.equals(group)) {
                problems.add(
                        "channel '%s' has group '%s', expected '%s'"
                                .formatted(channel, group, expected));
            }
        }
        return problems;
    }
}
