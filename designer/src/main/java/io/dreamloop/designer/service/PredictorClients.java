package io.dreamloop.designer.service;

import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.designer.config.DesignerConfig;
import io.dreamloop.platform.messaging.EventMetrics;
import io.dreamloop.platform.messaging.InboundEvents;
import io.dreamloop.platform.messaging.KafkaConnection;
import io.dreamloop.predictor.client.ClientHooks;
import io.dreamloop.predictor.client.PredictorClient;
import io.dreamloop.predictor.client.ReplyRoute;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The designer's one predictor client: connected on first use (a designer that only designs random
 * libraries never opens it), shared by every library and campaign of the instance, closed when the
 * application stops. A {@code @Singleton} rather than {@code @ApplicationScoped}: the client is a
 * final class and needs no proxy; it serialises its own calls.
 */
@ApplicationScoped
public class PredictorClients {

    @Produces
    @Singleton
    PredictorClient client(
            final KafkaConnection kafka,
            final DesignerConfig config,
            final InboundEvents inbound,
            final EventMetrics metrics) {
        final PredictorClient client =
                PredictorClient.connect(
                        kafka.settings(),
                        Topics.DESIGNER,
                        ReplyRoute.ofHost(config.scoring().replyPartition()),
                        ClientHooks.platform(inbound, metrics));
        Log.infof(
                "predictor client reads its answers on %s partition %d",
                Topics.SCORES_COMPUTED, client.replyPartition().partition());
        return client;
    }

    void close(@Disposes final PredictorClient client) {
        client.close();
    }
}
