/** designer's HTTP API: request a library, follow it, download it. */
package io.dreamloop.designer.rest;
