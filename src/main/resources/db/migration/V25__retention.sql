-- Retention (retention.*): each district says how long a closed tip's content is kept, longer for some categories,
-- and after how long a tip that was never closed is flagged for review instead; a legal hold keeps a tip whatever
-- the policy says. Shredding deletes the tip's data key and every ciphertext of it, and keeps the routing metadata.

create table retention_policy (
    district_id          uuid        primary key references district (id),
    -- Days after closing before the content is shredded.
    days_after_close     integer     not null check (days_after_close between 1 and 36500),
    -- Days after submission after which a tip that is still not closed is flagged for review.
    review_after_days    integer     not null check (review_after_days between 1 and 36500),
    changed_at           timestamptz not null
);

-- Longer periods for some categories of a district (never shorter than its policy's; checked by the service).
create table retention_category_period (
    district_id          uuid        not null references retention_policy (district_id) on delete cascade,
    category             text        not null,
    days_after_close     integer     not null check (days_after_close between 1 and 36500),
    primary key (district_id, category)
);

-- A shredded tip keeps its row (statistics count it) without its body; the body is gone exactly when it is shredded.
alter table tip alter column body drop not null;
alter table tip add column shredded_at timestamptz;
alter table tip add constraint tip_body_until_shredded check ((body is null) = (shredded_at is not null));
-- When a tip that was never closed was flagged for review (once).
alter table tip add column retention_flagged_at timestamptz;

-- Closed tips that still have content: what the shredding job looks through.
create index tip_shredding_due on tip (closed_at) where status = 'CLOSED' and shredded_at is null;
create index tip_review_due on tip (submitted_at) where status <> 'CLOSED' and retention_flagged_at is null;

-- A legal hold: while it exists, the tip is never shredded.
create table legal_hold (
    tip_id               uuid        primary key references tip (id),
    reason               text        not null,
    placed_by            uuid        not null references staff (id),
    placed_at            timestamptz not null
);
