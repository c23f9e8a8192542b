/**
 * The runtime choice between PostgreSQL and the embedded H2 database. Both are built in (two named
 * datasources and persistence units over the same entities and migrations); configuration activates
 * one.
 */
package io.dreamloop.platform.persistence;
