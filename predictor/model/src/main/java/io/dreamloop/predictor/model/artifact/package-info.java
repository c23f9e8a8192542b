/**
 * Model artifacts: a content-addressed store of weights with a manifest (architecture,
 * configuration, version, parent, training lineage, sha256). Loading verifies the hash, so any
 * service can check that it serves exactly the artifact a model-published event names.
 */
package io.dreamloop.predictor.model.artifact;
