/**
 * HTTP conventions shared by the services: errors as JSON ({@link
 * io.dreamloop.platform.rest.ApiError}) that say what is wrong, and the mappers that turn the
 * platform's domain exceptions into them.
 *
 * <p>Must not import {@code platform.security}: security builds its refusals from {@code ApiError},
 * so the dependency runs one way only.
 */
package io.dreamloop.platform.rest;
