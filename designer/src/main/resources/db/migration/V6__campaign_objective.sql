-- What a campaign's cycles after the first are for: a better model (acquisition by strategy) or
-- the highest or lowest expression (GA designs on the ensemble's confidence bound, with kappa and
-- the GA preset). Campaigns started before it were for a better model.
alter table campaign add column objective varchar(16) default 'model' not null;
alter table campaign add column kappa double precision default 1.0 not null;
alter table campaign add column ga_preset varchar(16) default 'test' not null;
