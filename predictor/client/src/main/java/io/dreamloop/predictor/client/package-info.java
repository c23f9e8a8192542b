/**
 * The predictor's scoring client over Kafka, owned here for every caller (the designer, the main
 * job, the benchmarks): score-requested out, scores-computed back, matched by correlation id.
 *
 * <p><b>Reply routing.</b> Each client instance owns one partition of {@code
 * dreamloop.scores-computed} and assigns only that one (no consumer group). Every request carries
 * the Kafka record header {@code dreamloop-reply-partition} ({@link
 * io.dreamloop.contracts.topic.ReplyPartition#HEADER}) naming it, and the predictor writes the
 * answer to that partition; a request without the header is answered on its key's partition, as
 * before. A partition per instance rather than a topic per instance: the topic, its ACLs and its
 * partition count stay declared once in the catalog and the manifests, nothing is created or left
 * behind per instance, and the partition count may be raised without any client change. The
 * partition is configured, or taken from the instance name's ordinal ({@code designer-2}), or from
 * its hash ({@link io.dreamloop.predictor.client.ReplyRoute}); instances that end up sharing one
 * still get only their own answers, since answers of other correlation ids are skipped.
 *
 * <p>Decoding, dead-lettering and metrics go through {@link
 * io.dreamloop.predictor.client.ClientHooks}: in a service, the platform's {@code InboundEvents}
 * and {@code EventMetrics}. Requests are stamped with the current trace ({@code TracedEvents}).
 *
 * <p>Depends on contracts and platform only; must not import {@code io.dreamloop.predictor.model},
 * the predictor service or any service's classes.
 */
package io.dreamloop.predictor.client;
