/** Tests of the topic names and the header that routes score answers. */
package io.dreamloop.contracts.topic;
