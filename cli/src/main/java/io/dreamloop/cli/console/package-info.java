/**
 * What the command prints: aligned {@link io.dreamloop.cli.console.Table}s and a {@link
 * io.dreamloop.cli.console.ProgressBar} that redraws in place on a terminal and prints occasional
 * lines into a file or pipe.
 */
package io.dreamloop.cli.console;
