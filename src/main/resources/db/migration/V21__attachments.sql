-- Attachments: images from the reporter or from staff. Only the re-encoded pixels are kept (no metadata), sealed with
-- AES-256-GCM under the tip's data key with associated data naming the attachment. The ciphertext lives in this table
-- only (no file system), so deleting a tip's rows here (by tip_id, or with the tip: on delete cascade) removes it.
create table attachment (
    id                   uuid primary key,
    tip_id               uuid        not null references tip (id) on delete cascade,
    added_by             text        not null check (added_by in ('REPORTER', 'STAFF')),
    author_staff_id      uuid        references staff (id),
    created_at           timestamptz not null,
    media_type           text        not null check (media_type in ('image/jpeg', 'image/png')),
    size_bytes           integer     not null,
    width                integer     not null,
    height               integer     not null,
    -- Sexting and sexual-abuse tips, or marked by staff: viewable only by the roles the district allows, no thumbnail.
    sensitive            boolean     not null,
    marked_sensitive_by  uuid        references staff (id),
    image                bytea       not null,
    thumbnail            bytea,
    check (not sensitive or thumbnail is null),
    check ((added_by = 'STAFF') = (author_staff_id is not null))
);
create index attachment_tip on attachment (tip_id, created_at);

-- Which roles may view a sensitive attachment of this district's tips (comma-separated staff roles).
alter table district add column sensitive_attachment_roles text not null default 'COORDINATOR,ANALYST';
