-- The audit log: append-only, each event chained to the one before by a SHA-256 hash, so that editing
-- or deleting a row breaks the chain where it happened (GET /api/v1/audit/verify finds it).

create table audit_event (
    seq                  bigserial primary key,
    at                   timestamptz not null,
    actor                text        not null,
    action               text        not null,
    tip_id               uuid,
    detail               text,
    prev_hash            bytea       not null,
    hash                 bytea       not null
);
create index audit_event_tip on audit_event (tip_id);
create index audit_event_at on audit_event (at);

-- Append-only for the application: updates and deletes are refused outright. (Someone who owns the
-- table can still disable this; the hash chain is what catches that.)
create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only';
end;
$$;
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_event_is_append_only();

-- The staff queue: a school's open tips, life-safety first, then oldest.
create index tip_queue on tip (school_id, status, urgency, submitted_at);
