/**
 * The local run of the whole system: a real Kafka broker started from Maven Central jars ({@code
 * deploy/kafka.sh}), the four packaged services as processes, a check that each is healthy and
 * connected, the topology of services and topics, and an event chain across the services.
 *
 * <p>{@link io.dreamloop.deploy.MainJob} is the README's main-job command; the end-to-end test
 * drives the same {@link io.dreamloop.deploy.LocalStack} against PostgreSQL.
 */
package io.dreamloop.deploy;
