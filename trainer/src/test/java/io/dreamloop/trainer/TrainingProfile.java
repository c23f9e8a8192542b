package io.dreamloop.trainer;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Small, fast training for the tests: 2 epochs of batch 256 at a peak learning rate of 0.002,
 * automatic runs every 1,500 measurements.
 */
public class TrainingProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "dreamloop.trainer.training.every", "1500",
                "dreamloop.trainer.training.epochs", "2",
                "dreamloop.trainer.training.batch-size", "256",
                "dreamloop.trainer.training.max-lr", "0.002",
                "dreamloop.trainer.training.store", "target/training-it-models");
    }
}
