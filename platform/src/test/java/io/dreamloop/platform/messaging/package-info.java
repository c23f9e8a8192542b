/** Tests of the platform's messaging support. */
package io.dreamloop.platform.messaging;
