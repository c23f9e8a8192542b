/**
 * Topic names as constants and the catalog of which service produces and consumes which topic;
 * producers, consumers, tests, the run command and the deployment manifests all read them from
 * here. Kafka record headers the services agree on are named here too ({@link
 * io.dreamloop.contracts.topic.ReplyPartition#HEADER}: where a score request's answers go).
 */
package io.dreamloop.contracts.topic;
