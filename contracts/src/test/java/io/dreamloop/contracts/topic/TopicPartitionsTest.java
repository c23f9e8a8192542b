package io.dreamloop.contracts.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicPartitionsTest {

    @Test
    void noOverridesIsTheCatalog() {
        assertThat(TopicPartitions.DEFAULTS.catalog()).isEqualTo(Topics.CATALOG);
    }

    @Test
    void anOverrideChangesOnlyItsTopic() {
        final TopicPartitions partitions =
                new TopicPartitions(Map.of("score-requested", 12, "library-designed", 4));
        assertThat(partitions.partitions(Topics.SCORE_REQUESTED)).isEqualTo(12);
        assertThat(partitions.partitions(Topics.LIBRARY_DESIGNED)).isEqualTo(4);
        assertThat(partitions.partitions(Topics.SCORES_COMPUTED)).isEqualTo(6);
        assertThat(partitions.catalog())
                .filteredOn(spec -> spec.name().equals(Topics.SCORE_REQUESTED))
                .singleElement()
                .satisfies(spec -> assertThat(spec.partitions()).isEqualTo(12));
        assertThat(partitions.catalog()).hasSameSizeAs(Topics.CATALOG);
    }

    @Test
    void environmentStyleNamesMeanTheSameTopic() {
        assertThat(new TopicPartitions(Map.of("SCORE_REQUESTED", 9)).counts())
                .containsExactly(Map.entry("score-requested", 9));
        assertThat(new TopicPartitions(Map.of("scores.computed", 8)).counts())
                .containsExactly(Map.entry("scores-computed", 8));
    }

    @Test
    void anUnknownTopicIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> new TopicPartitions(Map.of("score-request", 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no topic 'score-request'")
                .hasMessageContaining("score-requested");
    }

    @Test
    void aCountBelowOneIsRefused() {
        assertThatThrownBy(() -> new TopicPartitions(Map.of("score-requested", 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("partitions of score-requested must be a positive integer, but was 0");
        final Map<String, Integer> missing = new HashMap<>();
        missing.put("dead-letter", null);
        assertThatThrownBy(() -> new TopicPartitions(missing))
                .hasMessageContaining("positive integer, but was null");
    }

    @Test
    void shortNamesDropThePrefix() {
        assertThat(Topics.shortName(Topics.SCORES_COMPUTED)).isEqualTo("scores-computed");
        assertThat(TopicPartitions.shortNames())
                .hasSameSizeAs(Topics.CATALOG)
                .contains("dead-letter");
    }
}
