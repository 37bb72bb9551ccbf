-- The audit chain, keyed (chain version 1). Each new event's hash is HMAC-SHA-256 under a key derived from the
-- server pepper, which the database does not hold: whoever can write this table (its owner, a restored dump)
-- can no longer rebuild a chain that verifies after deleting or editing events. Each event also carries its
-- position (1, 2, 3 ... without gaps, inside the keyed hash) and the school its tip belonged to when the event was
-- written, so that a tip's audit trail stays visible to every district the tip passed through.
-- Events written before this migration keep their unkeyed SHA-256 links (chain version 0); the verification
-- accepts version 0 only before the first version 1 event.
alter table audit_event add column chain_version smallint not null default 0;
alter table audit_event add column position bigint;
alter table audit_event add column school_id uuid;
create unique index audit_event_position on audit_event (position);
create index audit_event_school on audit_event (school_id) where school_id is not null;
