package io.dreamloop.contracts.topic;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Partition counts chosen by configuration for some topics of {@link Topics#CATALOG}, by the
 * topic's short name ({@code score-requested} for {@code dreamloop.score-requested}); every other
 * topic keeps the catalog's count. A topic's partitions bound how many instances of a service share
 * its work: a consumer group never gives one partition to two members, so instances beyond the
 * partition count stand idle on that topic.
 *
 * <p>Short names are read case-insensitively with {@code _} or {@code .} for {@code -}, so that the
 * environment variable {@code DREAMLOOP_KAFKA_PARTITIONS_SCORE_REQUESTED} names the same topic as
 * the key {@code dreamloop.kafka.partitions.score-requested}.
 *
 * @param counts partitions by short name, each a known topic and at least 1
 */
public record TopicPartitions(Map<String, Integer> counts) {
    /** No overrides: the catalog as it is. */
    public static final TopicPartitions DEFAULTS = new TopicPartitions(Map.of());

    public TopicPartitions {
        Objects.requireNonNull(counts, "counts");
        final Map<String, Integer> normalised = new TreeMap<>();
        counts.forEach(
                (name, count) -> {
                    final String shortName = normalise(name);
                    if (Topics.find(Topics.PREFIX + shortName).isEmpty()) {
                        throw new IllegalArgumentException(
                                "no topic '%s' in the catalog; the topics are %s"
                                        .formatted(name, shortNames()));
                    }
                    if (count == null || count < 1) {
                        throw new IllegalArgumentException(
                                "partitions of %s must be a positive integer, but was %s"
                                        .formatted(shortName, count));
                    }
                    normalised.put(shortName, count);
                });
        counts = Map.copyOf(normalised);
    }

    /** The catalog with these partition counts. */
    public List<TopicSpec> catalog() {
        return Topics.CATALOG.stream()
                .map(spec -> spec.withPartitions(partitions(spec.name())))
                .toList();
    }

    /**
     * The partitions of a catalog topic: the configured count, else the catalog's.
     *
     * @param topic the full topic name
     * @throws IllegalArgumentException when the topic is not in the catalog
     */
    public int partitions(final String topic) {
        final TopicSpec spec =
                Topics.find(topic)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "no topic " + topic + " in the catalog"));
        return counts.getOrDefault(Topics.shortName(topic), spec.partitions());
    }

    /** The short names of the catalog's topics, for error messages and documentation. */
    public static List<String> shortNames() {
        return Topics.CATALOG.stream().map(spec -> Topics.shortName(spec.name())).toList();
    }

    private static String normalise(final String name) {
        Objects.requireNonNull(name, "topic name");
        return name.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace('.', '-');
    }
}
