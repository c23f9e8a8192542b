package io.dreamloop.platform.persistence;

import io.dreamloop.platform.config.PlatformConfig;
import io.quarkus.hibernate.orm.PersistenceUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Hands out the entity manager of the active database. Quarkus fixes a datasource's kind at build
 * time, so the build carries a PostgreSQL unit ({@value #POSTGRESQL}) and an H2 unit ({@value #H2})
 * over the same entities; exactly one is active at run time.
 */
@ApplicationScoped
public class Database {
    public static final String POSTGRESQL = "pg";
    public static final String H2 = "h2";

    private final Instance<EntityManager> postgresql;
    private final Instance<EntityManager> h2;
    private final PlatformConfig config;

    @Inject
    public Database(
            @PersistenceUnit(POSTGRESQL) final Instance<EntityManager> postgresql,
            @PersistenceUnit(H2) final Instance<EntityManager> h2,
            final PlatformConfig config) {
        this.postgresql = postgresql;
        this.h2 = h2;
        this.config = config;
    }

    /** The entity manager of the active unit, bound to the current transaction. */
    public EntityManager em() {
        return config.database() == PlatformConfig.DatabaseKind.H2 ? h2.get() : postgresql.get();
    }

    /** The active database's kind. */
    public PlatformConfig.DatabaseKind kind() {
        return config.database();
    }
}
