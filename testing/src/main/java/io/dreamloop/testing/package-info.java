/**
 * Integration-test infrastructure: one real Kafka broker and one real PostgreSQL per test JVM.
 *
 * <p>{@link io.dreamloop.testing.Infrastructure} picks, in order: the broker and database named by
 * the environment ({@code DREAMLOOP_TEST_KAFKA_BOOTSTRAP}, {@code DREAMLOOP_TEST_JDBC_BASE}, {@code
 * DREAMLOOP_TEST_DB_USER}, {@code DREAMLOOP_TEST_DB_PASSWORD}; {@code .ci/run} sets them),
 * Testcontainers when a Docker engine answers, or else the local PostgreSQL on 127.0.0.1:5432 and a
 * broker it starts itself with {@code deploy/kafka.sh}. It never skips: without a broker or a
 * database the tests fail with a message that says what is missing.
 *
 * <p>{@link io.dreamloop.testing.PackageCycles} is the architecture check every module runs: its
 * packages form layers, none importing another that imports it back.
 */
package io.dreamloop.testing;
