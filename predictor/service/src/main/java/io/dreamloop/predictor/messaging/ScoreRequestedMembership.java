package io.dreamloop.predictor.messaging;

import io.dreamloop.platform.messaging.GroupMembership;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The predictor's place in the score-requested consumer group: the channel's rebalance listener
 * ({@code consumer-rebalance-listener.name} in application.properties), read by {@link
 * ScoreRequestedConsumer} to answer only what it may and to commit in the right generation.
 */
@ApplicationScoped
@Identifier(ScoreRequestedMembership.NAME)
public class ScoreRequestedMembership extends GroupMembership {
    /** The name the channel configuration refers to. */
    public static final String NAME = "score-requested-membership";
}
