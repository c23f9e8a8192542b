package io.dreamloop.designer.service;

import io.dreamloop.contracts.event.DesignRequested;

/**
 * Fired (synchronously, inside the design transaction) when a requested library cannot be designed,
 * so that a campaign waiting for it can stop with the reason.
 *
 * @param request the request
 * @param reason why it failed
 */
public record LibraryFailed(DesignRequested request, String reason) {}
