-- Statistics (stats.StatsSql) read every figure of a tip from its own row, so that a year of tips is counted
-- without converting each submission time to its district's zone and without joining the conversation messages.
-- The database keeps these columns right itself, by the triggers below, whatever code changes a tip, a message,
-- a school or a district: they cannot drift from what they are derived from.

-- When the tip was submitted, on the wall clock of its school's district; null for a tip without a school
-- (statistics then use the tip line's zone, which is configuration, not data).
alter table tip add column submitted_local timestamp;
-- The hour of the week of that time (0 = Monday 00:00-00:59, 167 = Sunday 23:00-23:59), for the busiest weekday and
-- hour: a column with statistics of its own lets PostgreSQL count a year of tips by it in parallel.
alter table tip add column submitted_week_hour smallint generated always as
    ((date_part('isodow', submitted_local) * 24 + date_part('hour', submitted_local) - 24)::smallint) stored;
-- When staff first wrote to the reporter, and when the reporter last wrote. Kept when shredding deletes the
-- messages themselves: the times are routing metadata, and statistics must not change when content is shredded.
alter table tip add column first_reply_at timestamptz;
alter table tip add column last_reporter_at timestamptz;

create function tip_submitted_local(school uuid, submitted timestamptz) returns timestamp
    language sql stable as $$
    select submitted at time zone d.time_zone from school s join district d on d.id = s.district_id where s.id = school
$$;

create function tip_set_submitted_local() returns trigger language plpgsql as $$
begin
    new.submitted_local := tip_submitted_local(new.school_id, new.submitted_at);
    return new;
end;
$$;
create trigger tip_submitted_local_on_insert before insert on tip
    for each row execute function tip_set_submitted_local();
-- A tip moved to another school (routing.TipRouting.reassign) is counted in its new district's zone.
create trigger tip_submitted_local_on_update before update of school_id, submitted_at on tip
    for each row when (old.school_id is distinct from new.school_id or old.submitted_at is distinct from new.submitted_at)
    execute function tip_set_submitted_local();

-- A school moved to another district, or a district whose zone changes: its tips follow.
create function school_tips_submitted_local() returns trigger language plpgsql as $$
begin
    update tip set submitted_local = tip_submitted_local(school_id, submitted_at) where school_id = new.id;
    return null;
end;
$$;
create trigger school_district_changed after update of district_id on school
    for each row when (old.district_id is distinct from new.district_id)
    execute function school_tips_submitted_local();

create function district_tips_submitted_local() returns trigger language plpgsql as $$
begin
    update tip t set submitted_local = t.submitted_at at time zone new.time_zone
        from school s where s.id = t.school_id and s.district_id = new.id;
    return null;
end;
$$;
create trigger district_time_zone_changed after update of time_zone on district
    for each row when (old.time_zone is distinct from new.time_zone)
    execute function district_tips_submitted_local();

-- Messages are only ever added (or deleted whole by shredding, which keeps these times). least and greatest skip
-- nulls: the first message sets the time.
create function tip_message_times() returns trigger language plpgsql as $$
begin
    if new.direction = 'TO_REPORTER' then
        update tip set first_reply_at = least(first_reply_at, new.created_at) where id = new.tip_id;
    elsif new.direction = 'FROM_REPORTER' then
        update tip set last_reporter_at = greatest(last_reporter_at, new.created_at) where id = new.tip_id;
    end if;
    return null;
end;
$$;
create trigger tip_message_written after insert on tip_message
    for each row execute function tip_message_times();

update tip t set submitted_local = tip_submitted_local(t.school_id, t.submitted_at) where t.school_id is not null;
update tip t set first_reply_at = m.first_to, last_reporter_at = m.last_from
    from (select tip_id, min(created_at) filter (where direction = 'TO_REPORTER') as first_to,
                 max(created_at) filter (where direction = 'FROM_REPORTER') as last_from
          from tip_message group by tip_id) m
    where m.tip_id = t.id;
