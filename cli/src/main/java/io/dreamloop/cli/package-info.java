/**
 * The {@code dreamloop} command-line client ({@link io.dreamloop.cli.DreamloopCli}): one picocli
 * command per everyday job, each a thin layer over the services' HTTP APIs: {@code status}, {@code
 * design}, {@code sortseq submit|show|measurements}, {@code campaign start|list|show|watch|cancel},
 * {@code train}, {@code training runs|show|watch|cancel|dataset}, {@code score}, {@code evaluate}
 * (the challenge's scoring, local), {@code models list|show|lineage} and {@code lineage}. Long work
 * shows a progress bar; results print as tables; failures exit 1 with the failed call and the
 * service's message.
 */
package io.dreamloop.cli;
