/** Tests of API-key parsing and matching, the role rule and the start-up consistency check. */
package io.dreamloop.platform.security;
