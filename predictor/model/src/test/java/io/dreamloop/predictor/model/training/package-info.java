/** Tests of DREAM and assay training. */
package io.dreamloop.predictor.model.training;
