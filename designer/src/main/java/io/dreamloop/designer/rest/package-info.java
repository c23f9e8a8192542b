/**
 * The designer's HTTP API: request a library, follow it, download it ({@code designer.mapping}
 * writes the files), run campaigns and trace a sequence back to its design. Resources decode,
 * delegate to {@code designer.service} and {@code designer.campaign}, and map their domain
 * exceptions; the views are records that shape the JSON.
 *
 * <p>Nothing imports this package.
 */
package io.dreamloop.designer.rest;
