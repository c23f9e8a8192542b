package io.dreamloop.testing;

/**
 * How to reach one test database.
 *
 * @param url the JDBC URL
 * @param user the user
 * @param password the password
 */
public record JdbcSettings(String url, String user, String password) {}
