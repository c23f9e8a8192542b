/**
 * designer: turns design requests into synthesis-ready libraries and publishes them. Requests
 * arrive over HTTP ({@code POST /libraries}) or as design-requested events; each library is stored
 * with its provenance and published as library-designed chunks.
 */
package io.dreamloop.designer;
