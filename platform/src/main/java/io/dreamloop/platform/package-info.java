/**
 * What every dreamloop service does the same way, so that each service holds only its own logic.
 *
 * <ul>
 *   <li>{@code messaging}: {@link io.dreamloop.platform.messaging.InboundEvents} applies each
 *       consumed event at most once (inbox) and dead-letters what cannot be applied, with the
 *       reason; {@link io.dreamloop.platform.messaging.EventPublisher} sends events with the
 *       topic's key; {@link io.dreamloop.platform.messaging.TopicBootstrap} creates the topics of
 *       the catalog.
 *   <li>{@code persistence}: {@link io.dreamloop.platform.persistence.Database} hands out the
 *       entity manager of the database chosen at run time (PostgreSQL or embedded H2).
 *   <li>{@code inbox}: the table of applied event ids.
 *   <li>{@code config}: the {@code dreamloop.platform} configuration.
 * </ul>
 *
 * <p>The shared Quarkus defaults (datasources, persistence units, Flyway, Kafka connector) are in
 * this jar's {@code META-INF/microprofile-config.properties}; a service sets {@code
 * dreamloop.platform.service} and {@code dreamloop.persistence-package}.
 */
package io.dreamloop.platform;
