-- Case work: outcome, lead, staff notes and the conversation with the reporter (both encrypted with the
-- tip's data key, like the tip itself).

alter table tip add column outcome text check (outcome in ('INTERVENTION', 'REFERRED', 'UNFOUNDED', 'DUPLICATE',
                                                           'FALSE_REPORT', 'INSUFFICIENT_INFO'));
alter table tip add column closed_at timestamptz;
-- The closing message the reporter will see, from a fixed safe set (a key, never free text).
alter table tip add column closing_note text;
alter table tip add column lead_staff_id uuid references staff (id);

create table tip_note (
    id                   uuid primary key,
    tip_id               uuid        not null references tip (id) on delete cascade,
    author_staff_id      uuid        not null references staff (id),
    created_at           timestamptz not null,
    body                 bytea       not null
);
create index tip_note_tip on tip_note (tip_id, created_at);

create table tip_message (
    id                   uuid primary key,
    tip_id               uuid        not null references tip (id) on delete cascade,
    direction            text        not null check (direction in ('TO_REPORTER', 'FROM_REPORTER')),
    author_staff_id      uuid        references staff (id),
    created_at           timestamptz not null,
    body                 bytea       not null,
    -- When staff first read a reporter's message (unread ones show in the queue).
    read_at              timestamptz
);
create index tip_message_tip on tip_message (tip_id, created_at);
create index tip_message_unread on tip_message (tip_id) where direction = 'FROM_REPORTER' and read_at is null;
