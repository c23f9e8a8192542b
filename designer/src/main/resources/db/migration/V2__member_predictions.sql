-- What the library file promises per member: predicted expression per model (model=value;...)
-- and design provenance (key=value;...) beyond the method.
alter table designed_member add column predictions varchar(4000) default '' not null;
alter table designed_member add column provenance varchar(4000) default '' not null;
