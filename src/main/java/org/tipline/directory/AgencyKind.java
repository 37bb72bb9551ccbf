package org.tipline.directory;

/** The kind of law-enforcement agency that provides a school's resource officers. */
public enum AgencyKind {
    CITY_POLICE,
    COUNTY_SHERIFF,
    TOWN_POLICE,
    STATE
}
