/**
 * The predictor's thin Kafka edges: {@code ScoreRequestedConsumer} answers score requests (on the
 * reply partition a request names, else on its key's) and {@code ModelPublishedConsumer} registers
 * new versions and hot-swaps the champion. Both decode, delegate to {@code predictor.scoring} and
 * {@code predictor.persistence}, and dead-letter what they cannot apply. Score answers are exactly
 * once: each batch's answers and offsets commit in one transaction, in the generation {@code
 * ScoreRequestedMembership} (the channel's rebalance listener) holds.
 *
 * <p>Must not import the REST layer; holds no scoring logic of its own.
 */
package io.dreamloop.predictor.messaging;
