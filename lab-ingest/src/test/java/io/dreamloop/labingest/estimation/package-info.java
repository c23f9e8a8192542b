/** Tests of the expression estimators, the simulator and their numerics; all seeded. */
package io.dreamloop.labingest.estimation;
