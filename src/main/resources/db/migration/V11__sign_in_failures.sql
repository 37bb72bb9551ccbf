-- Recent failed staff sign-ins per email, and the attempt under way (signin.FailedSignIns). They live here rather
-- than in each replica's memory so that the growing delay earned on one replica holds on every other, and so does
-- "one attempt per email at a time".
--
-- No email is stored. Unknown emails are counted as well (the answer must not tell them from known ones), so a
-- column of emails would collect whatever addresses people type in. The key is an HMAC-SHA-256 of the normalized
-- email under a key derived from the pepper, which the database does not hold. Rows quiet for 15 minutes with no
-- attempt under way are deleted by a scheduled job.
create table sign_in_failure (
    email_key            bytea       primary key,
    -- Failures since the last success; they count as none once last_failure_at is 15 minutes old.
    failures             integer     not null default 0 check (failures >= 0),
    last_failure_at      timestamptz,
    -- The attempt under way holds a lease until this time, not a flag: the attempt of a replica that crashed
    -- cannot block the account for longer than the longest delay and a hash.
    attempt_until        timestamptz
);

comment on table sign_in_failure is 'Failed staff sign-ins and the attempt under way, per HMAC of the normalized '
    'email (keyed by the pepper, which the database does not hold). No email is stored.';
