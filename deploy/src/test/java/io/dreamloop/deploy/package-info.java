/** Tests of the deploy module: the manifests, the run command and the packaged services. */
package io.dreamloop.deploy;
