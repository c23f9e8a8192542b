package io.dreamloop.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} the real broker and a fresh PostgreSQL database of its own.
 *
 * <p>Use with {@code @WithTestResource(value = DreamloopInfrastructureResource.class, initArgs
 * = @ResourceArg(name = "service", value = "lab-ingest"))}. The database {@code
 * dreamloop_<service>_test} is cleaned and migrated at start and the dreamloop topics and consumer
 * groups are deleted, so every test class begins from an empty database and an empty broker.
 */
public class DreamloopInfrastructureResource implements QuarkusTestResourceLifecycleManager {
    private String service = "service";

    @Override
    public void init(final Map<String, String> initArgs) {
        service = initArgs.getOrDefault("service", service);
    }

    @Override
    public Map<String, String> start() {
        final Infrastructure infrastructure = Infrastructure.get();
        infrastructure.resetTopics();
        final JdbcSettings db =
                infrastructure.database("dreamloop_" + service.replace('-', '_') + "_test");
        return Map.of(
                "kafka.bootstrap.servers", infrastructure.kafkaBootstrap(),
                "quarkus.datasource.\"pg\".jdbc.url", db.url(),
                "quarkus.datasource.\"pg\".username", db.user(),
                "quarkus.datasource.\"pg\".password", db.password(),
                "quarkus.flyway.\"pg\".clean-disabled", "false",
                "quarkus.flyway.\"pg\".clean-at-start", "true");
    }

    @Override
    public void stop() {
        // The broker and database live for the whole JVM (see Infrastructure).
    }
}
