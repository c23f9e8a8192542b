package io.dreamloop.contracts.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReplyPartitionTest {

    @Test
    void theHeaderValueIsThePartitionNumberAndReadsBack() {
        final ReplyPartition three = new ReplyPartition(3);
        assertThat(new String(three.headerValue(), StandardCharsets.UTF_8)).isEqualTo("3");
        assertThat(ReplyPartition.parse(three.headerValue())).contains(three);
    }

    @Test
    void aRequestWithoutTheHeaderHasNoReplyPartition() {
        assertThat(ReplyPartition.parse(null)).isEmpty();
    }

    @Test
    void aValueThatIsNoPartitionIsRefusedWithTheHeaderName() {
        assertThatThrownBy(() -> ReplyPartition.parse("three".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("header dreamloop-reply-partition is 'three', not a partition number");
        assertThatThrownBy(() -> ReplyPartition.parse("-1".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("reply partition must be >= 0, but was -1");
    }

    @Test
    void aPartitionBeyondTheTopicIsRefused() {
        assertThat(new ReplyPartition(5).requireWithin(6).partition()).isEqualTo(5);
        assertThatThrownBy(() -> new ReplyPartition(6).requireWithin(6))
                .hasMessage(
                        "reply partition 6 is not a partition of dreamloop.scores-computed, which"
                                + " has 6");
    }
}
