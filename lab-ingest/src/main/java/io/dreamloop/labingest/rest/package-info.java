/**
 * lab-ingest's HTTP API: resources that read the request, call one service or store method and
 * leave formatting to {@code mapping}; {@code CountTableErrors} maps upload problems to 400 (the
 * platform's {@code ErrorMappers} map the shared domain errors).
 *
 * <p>Owns: paths, HTTP statuses and error bodies. Must not import {@code messaging}, {@code
 * estimation} or {@code insilico}, and holds no loop over business data.
 */
package io.dreamloop.labingest.rest;
