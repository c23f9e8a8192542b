/**
 * Event consumption and publishing over the real Kafka broker.
 *
 * <p>Consumers are SmallRye {@code @Incoming} methods that hand each record to {@link
 * io.dreamloop.platform.messaging.InboundEvents#apply}: a malformed or rejected event goes to the
 * dead-letter topic with its reason and the consumer moves on; an event id already applied is
 * skipped; a transient failure is retried with back-off before it is dead-lettered.
 *
 * <p>A consumer whose effect is only what it publishes (the predictor's answers) can instead
 * publish exactly once: {@link io.dreamloop.platform.messaging.GroupMembership} (its rebalance
 * listener) admits the records it may answer, and {@link
 * io.dreamloop.platform.messaging.TransactionalPublisher} commits the answers and the records'
 * offsets in one Kafka transaction. {@code EventRecords} builds every published record and {@code
 * ProducerSettings} holds what both producers share.
 */
package io.dreamloop.platform.messaging;
