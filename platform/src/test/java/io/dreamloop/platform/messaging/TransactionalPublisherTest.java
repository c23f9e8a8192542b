package io.dreamloop.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.IllegalGenerationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TransactionAbortableException;
import org.junit.jupiter.api.Test;

class TransactionalPublisherTest {
    @Test
    void aGroupThatRefusesTheOffsetsFencesTheBatchWhereverTheCauseSits() {
        assertThat(TransactionalPublisher.fencedByGroup(new CommitFailedException("mismatch")))
                .isTrue();
        assertThat(
                        TransactionalPublisher.fencedByGroup(
                                new KafkaException(
                                        "commit", new IllegalGenerationException("generation 3"))))
                .isTrue();
        assertThat(TransactionalPublisher.fencedByGroup(new FencedInstanceIdException("x")))
                .isTrue();
    }

    @Test
    void aBrokerFailureIsRetriedNotFenced() {
        assertThat(TransactionalPublisher.fencedByGroup(new TimeoutException("no broker")))
                .isFalse();
        assertThat(
                        TransactionalPublisher.fencedByGroup(
                                new TransactionAbortableException("coordinator moved")))
                .isFalse();
    }
}
