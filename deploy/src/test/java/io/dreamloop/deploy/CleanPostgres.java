package io.dreamloop.deploy;

import io.dreamloop.testing.Infrastructure;
import io.dreamloop.testing.JdbcSettings;
import java.util.Map;

/**
 * The properties that start a packaged service on a PostgreSQL database of its own, emptied at
 * start, with a scoring timeout that a loaded CI machine meets; for the tests that run the four
 * services as processes.
 */
final class CleanPostgres {
    private CleanPostgres() {}

    /** The database {@code dreamloop_<service>_<suffix>}, created if missing. */
    static JdbcSettings database(
            final Infrastructure infrastructure, final ServiceSpec spec, final String suffix) {
        return infrastructure.database("dreamloop_" + spec.name().replace('-', '_') + "_" + suffix);
    }

    /** The service's properties for that database. */
    static Map<String, String> properties(final JdbcSettings db) {
        return Map.of(
                "quarkus.datasource.\"pg\".jdbc.url",
                db.url(),
                "quarkus.datasource.\"pg\".username",
                db.user(),
                "quarkus.datasource.\"pg\".password",
                db.password(),
                "quarkus.flyway.\"pg\".clean-disabled",
                "false",
                "quarkus.flyway.\"pg\".clean-at-start",
                "true",
                "dreamloop.designer.scoring.timeout",
                "5m");
    }
}
