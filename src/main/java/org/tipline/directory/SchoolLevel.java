package org.tipline.directory;

/** The grades a school teaches, as families know them. */
public enum SchoolLevel {
    ELEMENTARY,
    JUNIOR_HIGH,
    HIGH,
    K12
}
