/** designer's use cases: accept a request, design, store, publish. */
package io.dreamloop.designer.service;
