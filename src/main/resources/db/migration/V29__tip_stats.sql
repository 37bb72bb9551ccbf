-- Statistics (stats.StatsSql) count a narrow copy of each tip's routing metadata instead of the tip itself.
-- A tip row carries its sealed body and many casework columns: counting a year of them read four times the bytes
-- and evaluated every derived value (local month, durations) once per row and per figure. Here each is computed
-- once, when the tip changes, by the triggers below, so that the copy cannot drift from the tip whatever code
-- changes it. Nothing derived from content is stored.
create table tip_stats (
    tip_id uuid primary key references tip (id) on delete cascade,
    submitted_at timestamptz not null,
    -- The month and hour of the week in the school's district's zone (tip.submitted_local, V26); null for a tip
    -- without a school, whose local time is counted in the tip line's zone, which is configuration.
    local_month date,
    week_hour smallint,
    school_id uuid,
    district_id uuid,
    category text not null,
    channel text not null,
    urgency text not null,
    closed boolean not null,
    outcome text,
    incident_id uuid,
    -- Seconds from submission to acknowledgement and to closing; null until then.
    ack_seconds double precision,
    close_seconds double precision,
    -- Staff wrote to the reporter, and the reporter wrote after staff first did.
    conversation boolean not null,
    replied boolean not null
) with (fillfactor = 85); -- room on the page for the updates of acknowledgement and closing (HOT updates)

-- Statistics read a range of submission times, usually a year or a month of several. Rows are written in about
-- that order, so a block range index finds the range's pages at a fraction of a B-tree's size and write cost.
create index tip_stats_submitted on tip_stats using brin (submitted_at) with (pages_per_range = 32);

-- The one definition of a row, used by the trigger and by the backfill below. A set-returning SQL function is
-- inlined into the statement that calls it in FROM, which the trigger's PL/pgSQL then plans once per session; a
-- function returning one row is planned again on every call (0.55 ms of every tip's insert, measured with
-- pg_stat_statements under the intake benchmark).
create function tip_stats_of(t tip) returns setof tip_stats language sql stable as $$
    select t.id, t.submitted_at, date_trunc('month', t.submitted_local)::date, t.submitted_week_hour, t.school_id,
           (select s.district_id from school s where s.id = t.school_id), t.category, t.channel, t.urgency,
           t.status = 'CLOSED', t.outcome, t.incident_id,
           date_part('epoch', t.acknowledged_at - t.submitted_at), date_part('epoch', t.closed_at - t.submitted_at),
           t.first_reply_at is not null, coalesce(t.last_reporter_at > t.first_reply_at, false)
$$;

create function tip_stats_write() returns trigger language plpgsql as $$
begin
    insert into tip_stats select * from tip_stats_of(new)
    on conflict (tip_id) do update set (submitted_at, local_month, week_hour, school_id, district_id, category, channel,
        urgency, closed, outcome, incident_id, ack_seconds, close_seconds, conversation, replied)
      = (excluded.submitted_at, excluded.local_month, excluded.week_hour, excluded.school_id, excluded.district_id,
         excluded.category, excluded.channel, excluded.urgency, excluded.closed, excluded.outcome, excluded.incident_id,
         excluded.ack_seconds, excluded.close_seconds, excluded.conversation, excluded.replied);
    return null;
end;
$$;
-- After the row triggers of V26 have set the local time (before insert) and the conversation times (on update).
create trigger tip_stats_on_insert after insert on tip for each row execute function tip_stats_write();
create trigger tip_stats_on_update after update on tip for each row when (old.* is distinct from new.*)
    execute function tip_stats_write();

-- A school moved to another district: its tips are counted in the new one even when their local time is unchanged
-- (both districts in one zone), which leaves the tip rows as they were and fires no trigger above.
create function school_tip_stats_district() returns trigger language plpgsql as $$
begin
    update tip_stats set district_id = new.district_id where school_id = new.id;
    return null;
end;
$$;
create trigger school_district_changed_stats after update of district_id on school
    for each row when (old.district_id is distinct from new.district_id)
    execute function school_tip_stats_district();

insert into tip_stats select s.* from tip t, lateral tip_stats_of(t) s;
