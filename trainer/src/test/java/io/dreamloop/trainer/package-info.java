/** trainer tests. */
package io.dreamloop.trainer;
