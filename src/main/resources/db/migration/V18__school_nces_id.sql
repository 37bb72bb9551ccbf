-- The NCES school id (12 digits, from the federal Common Core of Data) by which directory imports match a school
-- (issue 15). Optional: schools added one by one through the API have none until an import gives them one.
alter table school add column nces_id text;
alter table school add constraint school_nces_id_form check (nces_id ~ '^[0-9]{12}$');
create unique index school_nces_id_unique on school (nces_id) where nces_id is not null;
