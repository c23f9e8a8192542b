/** Test fixtures shared by the contracts tests. */
package io.dreamloop.contracts;
