-- The queue reads a school's open tips in queue order (life-safety first, then oldest). A partial index
-- in exactly that order lets PostgreSQL stop after one page instead of reading every tip of the school,
-- and lets it count open tips from the index alone. It replaces the plain index of V5.
drop index tip_queue;
create index tip_open_queue on tip (school_id, (case when urgency = 'LIFE_SAFETY' then 0 else 1 end), submitted_at, id)
    where status <> 'CLOSED';
