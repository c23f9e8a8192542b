/** Tests of the acquisition strategies. */
package io.dreamloop.designer.acquisition;
