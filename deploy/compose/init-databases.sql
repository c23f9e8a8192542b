-- dreamloop's PostgreSQL role and its four databases, one per service.
-- The postgres image runs this once, on an empty data directory (/docker-entrypoint-initdb.d),
-- with psql. The role's password is read from the container's DREAMLOOP_DB_PASSWORD environment
-- variable (psql \getenv), so no password is written here; if it is unset, CREATE ROLE fails.
-- The same script is deploy/compose/init-databases.sql and the postgres-init ConfigMap of
-- deploy/k8s/postgres.yaml; ManifestsTest keeps the two equal.
\getenv dreamloop_password DREAMLOOP_DB_PASSWORD
CREATE ROLE dreamloop LOGIN PASSWORD :'dreamloop_password';
CREATE DATABASE dreamloop_designer OWNER dreamloop;
CREATE DATABASE dreamloop_predictor OWNER dreamloop;
CREATE DATABASE dreamloop_lab_ingest OWNER dreamloop;
CREATE DATABASE dreamloop_trainer OWNER dreamloop;
