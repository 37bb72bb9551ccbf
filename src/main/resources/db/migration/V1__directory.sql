-- The directory: who serves which school. Tips (a later migration) reference schools; routing reads
-- assignments. Ids are UUIDs so that nothing about a school's or tip's order leaks through them.

create table district (
    id                   uuid primary key,
    name                 text        not null,
    time_zone            text        not null,
    business_day_start   time        not null default '07:30',
    business_day_end     time        not null default '16:30',
    created_at           timestamptz not null default now(),
    constraint district_name_unique unique (name),
    constraint district_business_hours check (business_day_start < business_day_end)
);

create table agency (
    id                   uuid primary key,
    name                 text        not null,
    kind                 text        not null check (kind in ('CITY_POLICE', 'COUNTY_SHERIFF', 'TOWN_POLICE', 'STATE')),
    -- Where a school without an SRO sends its tips, and where escalations go: a role mailbox or pager.
    on_call_email        text        not null,
    supervisor_email     text        not null,
    created_at           timestamptz not null default now(),
    constraint agency_name_unique unique (name)
);

create table school (
    id                   uuid primary key,
    district_id          uuid        not null references district (id),
    -- The law-enforcement agency that serves the school (its SROs come from there).
    agency_id            uuid        not null references agency (id),
    name                 text        not null,
    level                text        not null check (level in ('ELEMENTARY', 'JUNIOR_HIGH', 'HIGH', 'K12')),
    city                 text        not null,
    active               boolean     not null default true,
    created_at           timestamptz not null default now()
);
create unique index school_name_per_district on school (district_id, lower(name));
create index school_district on school (district_id);

create table staff (
    id                   uuid primary key,
    email                text        not null,
    display_name         text        not null,
    role                 text        not null check (role in ('SRO', 'COUNSELOR', 'COORDINATOR', 'ANALYST', 'ADMIN')),
    agency_id            uuid        references agency (id),
    district_id          uuid        references district (id),
    -- Argon2id in PHC string form; null until a password is set (or when sign-in is external).
    password_hash        text,
    enabled              boolean     not null default true,
    created_at           timestamptz not null default now(),
    constraint staff_sro_has_agency check (role <> 'SRO' or agency_id is not null),
    constraint staff_district_roles check (role not in ('COUNSELOR', 'COORDINATOR') or district_id is not null)
);
create unique index staff_email_unique on staff (lower(email));

create table assignment (
    staff_id             uuid        not null references staff (id),
    school_id            uuid        not null references school (id),
    kind                 text        not null check (kind in ('SRO', 'COUNSELOR')),
    is_primary           boolean     not null default false,
    created_at           timestamptz not null default now(),
    primary key (staff_id, school_id)
);
create index assignment_school on assignment (school_id);
-- At most one primary SRO and one primary counselor per school.
create unique index assignment_one_primary on assignment (school_id, kind) where is_primary;
