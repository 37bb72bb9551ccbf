-- Invitations: nobody ever learns another person's password. A new account, a reset or a changed email gets a
-- single-use link mailed to the person's own address; only a keyed hash of its token is kept here.
create table staff_invitation (
    id                   uuid primary key,
    staff_id             uuid        not null references staff (id),
    token_hash           bytea       not null unique,
    created_at           timestamptz not null,
    expires_at           timestamptz not null,
    used_at              timestamptz
);
create index staff_invitation_staff on staff_invitation (staff_id);

-- Changes that would give someone every tip of the state (an analyst account created, reset or re-mailed) wait
-- here until a second administrator approves them.
create table admin_approval (
    id                   uuid primary key,
    action               text        not null check (action in ('CREATE_ANALYST', 'RESET_ANALYST', 'CHANGE_ANALYST_EMAIL')),
    staff_id             uuid        references staff (id),
    email                text,
    display_name         text,
    requested_by         uuid        not null references staff (id),
    requested_at         timestamptz not null,
    status               text        not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    decided_by           uuid        references staff (id),
    decided_at           timestamptz,
    constraint admin_approval_two_people check (decided_by is null or decided_by <> requested_by)
);
create index admin_approval_pending on admin_approval (requested_at) where status = 'PENDING';
