/** designer tests. */
package io.dreamloop.designer;
