-- Model versions the predictor knows, as published by the trainer.
create table model_version (
    model_version   varchar(128) primary key,
    architecture    varchar(64)  not null,
    parent_version  varchar(128),
    artifact_sha256 varchar(64)  not null,
    artifact_uri    varchar(2000) not null,
    champion        boolean      not null,
    published_event uuid         not null,
    published_at    timestamp with time zone not null
);
