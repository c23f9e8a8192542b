package io.dreamloop.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The benchmark command. */
@Command(
        name = "dreamloop bench",
        mixinStandardHelpOptions = true,
        subcommands = {
            ScoringBench.class,
            ArchitectureBench.class,
            KafkaBench.class,
            MaudeBench.class,
            GaBench.class,
            TrainingBench.class,
            LoadBench.class,
            NanHuntBench.class,
            QualityBench.class,
            ParityBench.class,
            AcquisitionBench.class,
            DesignGoalBench.class
        },
        description = "Benchmarks that print numbers.")
public final class Bench implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(final String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }
}
