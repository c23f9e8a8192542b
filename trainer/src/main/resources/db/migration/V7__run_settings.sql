-- Measurements a run did not train on because the lab flagged them
-- (dreamloop.trainer.dataset.exclude-flags, default low-reads).
alter table training_run add column skipped_flagged_rows integer default 0 not null;
-- The settings a run trained with (a run request may override the trainer's configuration);
-- runs before this column have none recorded.
alter table training_run add column model_size varchar(16);
alter table training_run add column batch_size integer;
alter table training_run add column max_lr double precision;
