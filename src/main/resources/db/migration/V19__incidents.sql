-- Incidents: tips about one event, linked by staff (incidents.Incidents). An incident holds at least two tips;
-- one left alone is dissolved. The link is routing metadata, in the clear, so that statistics count incidents
-- without decrypting anything. Nothing derived from what reporters wrote is stored here.
create table incident (
    id                   uuid primary key,
    created_at           timestamptz not null
);

alter table tip add column incident_id uuid references incident (id);
create index tip_incident on tip (incident_id) where incident_id is not null;
