/** HTTP conventions shared by the services: errors as JSON that say what is wrong. */
package io.dreamloop.platform.rest;
