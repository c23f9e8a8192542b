/**
 * The contracts every dreamloop service shares: event types ({@code event}), topic names ({@code
 * topic}), the wire format with its versioned JSON schemas ({@code wire}, {@code schema}) and the
 * validated DNA sequence ({@code sequence}), and the few numerics two services must compute alike
 * ({@code stats}: the standard normal).
 *
 * <p>Nothing here depends on Quarkus, Kafka or a database: it is a plain library so that tests,
 * command-line tools and notebooks can speak the same language as the services.
 */
package io.dreamloop.contracts;
