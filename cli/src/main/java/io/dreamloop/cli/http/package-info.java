/**
 * HTTP to the running services: {@link io.dreamloop.cli.http.ServiceClient} (JSON, text, bytes and
 * multipart calls, with an optional bearer credential) and {@link
 * io.dreamloop.cli.http.ServiceException}, which names the failed call and carries the service's
 * own error message.
 */
package io.dreamloop.cli.http;
