/**
 * Event consumption and publishing over the real Kafka broker.
 *
 * <p>Consumers are SmallRye {@code @Incoming} methods that hand each record to {@link
 * io.dreamloop.platform.messaging.InboundEvents#apply}: a malformed or rejected event goes to the
 * dead-letter topic with its reason and the consumer moves on; an event id already applied is
 * skipped; a transient failure is retried with back-off before it is dead-lettered.
 */
package io.dreamloop.platform.messaging;
