/**
 * Topic names as constants and the catalog of which service produces and consumes which topic;
 * producers, consumers, tests, the run command and the deployment manifests all read them from
 * here.
 */
package io.dreamloop.contracts.topic;
