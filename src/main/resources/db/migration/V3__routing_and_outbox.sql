-- Routing, deadlines, history and the notification outbox (DESIGN 4 and 8).

alter table tip add column urgency text not null default 'STANDARD' check (urgency in ('LIFE_SAFETY', 'STANDARD'));
alter table tip add column ack_deadline timestamptz;
update tip set ack_deadline = submitted_at + interval '1 day' where ack_deadline is null;
alter table tip alter column ack_deadline set not null;
alter table tip add column acknowledged_at timestamptz;
-- When the escalation job looks at the tip next; null once it is acknowledged.
alter table tip add column next_escalation_at timestamptz;
update tip set next_escalation_at = ack_deadline where status = 'NEW';
create index tip_escalation_due on tip (next_escalation_at) where next_escalation_at is not null;

-- Who a tip reaches and why. A recipient is a staff member or an agency's on-call mailbox, or the
-- analyst desk's mailbox.
create table tip_recipient (
    id                   uuid primary key,
    -- Deferred, like every reference to a tip here: a tip and what belongs to it are written in one
    -- transaction, in whatever order the code finds natural.
    tip_id               uuid        not null references tip (id) on delete cascade deferrable initially deferred,
    staff_id             uuid        references staff (id),
    agency_id            uuid        references agency (id),
    email                text        not null,
    role                 text        not null check (role in ('SRO', 'COUNSELOR', 'AGENCY_ON_CALL', 'COORDINATOR',
                                                             'ANALYST', 'ANALYST_DESK')),
    reason               text        not null,
    is_lead              boolean     not null default false,
    created_at           timestamptz not null
);
create index tip_recipient_tip on tip_recipient (tip_id);
create index tip_recipient_staff on tip_recipient (staff_id);

-- The invariant that matters most: no tip is ever committed with nobody to receive it. Checked at
-- commit (deferred), so a tip and its recipients can be inserted in either order in one transaction.
create function tip_must_have_recipient() returns trigger language plpgsql as $$
begin
    if exists (select 1 from tip where id = new.id)
       and not exists (select 1 from tip_recipient where tip_id = new.id) then
        raise exception 'tip % has no recipient', new.id using errcode = '23514';
    end if;
    return null;
end;
$$;
create constraint trigger tip_has_recipient after insert or update of school_id on tip
    deferrable initially deferred for each row execute function tip_must_have_recipient();

-- Everything that happens to a tip, in order; never its content.
create table tip_event (
    id                   uuid primary key,
    tip_id               uuid        not null references tip (id) on delete cascade deferrable initially deferred,
    at                   timestamptz not null,
    kind                 text        not null,
    actor                text        not null,
    detail               text
);
create index tip_event_tip on tip_event (tip_id, at);

-- Notifications to send, written in the transaction of the event that causes them and sent by a worker
-- (several replicas claim rows with FOR UPDATE SKIP LOCKED). Bodies hold no tip content.
create table outbox (
    id                   uuid primary key,
    tip_id               uuid        references tip (id) on delete cascade deferrable initially deferred,
    kind                 text        not null,
    recipient            text        not null,
    payload              text        not null,
    status               text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'DEAD')),
    attempts             integer     not null default 0,
    next_attempt_at      timestamptz not null,
    last_error           text,
    created_at           timestamptz not null,
    sent_at              timestamptz
);
create index outbox_due on outbox (next_attempt_at) where status = 'PENDING';
