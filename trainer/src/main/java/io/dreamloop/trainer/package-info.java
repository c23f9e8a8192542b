/**
 * trainer: keeps every measurement as a dataset with its lineage, retrains the DREAM models from
 * it, evaluates them with the challenge's scores and publishes new model versions.
 */
package io.dreamloop.trainer;
