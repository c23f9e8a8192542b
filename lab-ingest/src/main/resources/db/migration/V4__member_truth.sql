-- The in-silico lab's noiseless expression of a member (its ground truth on the sort's z scale),
-- written when the lab sorts the library; null for libraries a real lab measures.
alter table library_member add column truth double precision;
