/**
 * predictor: scores sequences with the DREAM models. It keeps the registry of model versions the
 * trainer publishes, with the current champion that score requests use by default.
 */
package io.dreamloop.predictor;
