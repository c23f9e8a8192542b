/** Typed configuration of the platform ({@code dreamloop.platform.*}). */
package io.dreamloop.platform.config;
