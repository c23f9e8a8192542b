/**
 * designer's use cases: accept a request, design, store, publish; and the instance's one predictor
 * client ({@link io.dreamloop.designer.service.PredictorClients}), through which model-guided
 * subsets score.
 */
package io.dreamloop.designer.service;
