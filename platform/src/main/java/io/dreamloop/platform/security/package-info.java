/**
 * Who may call the services' HTTP APIs, chosen by configuration ({@code dreamloop.security.auth}):
 * {@code none} (the default, for the embedded run and the tests), {@code api-key} (keys from the
 * environment, stored as SHA-256 hashes, each with roles) or {@code oidc} (bearer JWTs verified by
 * quarkus-oidc, roles from the {@code groups} claim).
 *
 * <p>Two roles: {@link io.dreamloop.platform.security.Role#READER} may read (GET, HEAD, OPTIONS);
 * {@link io.dreamloop.platform.security.Role#SUBMITTER} may also submit (every other method). The
 * check ({@link io.dreamloop.platform.security.RolePolicy}) covers every REST endpoint; the
 * management paths under {@code /q} (health, metrics, OpenAPI) stay open for probes and scrapers.
 *
 * <p>It also owns the upload size limit ({@link io.dreamloop.platform.security.UploadLimits}),
 * which guards the services against oversized or disguised files before any byte is parsed.
 */
package io.dreamloop.platform.security;
