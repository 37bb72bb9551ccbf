package org.tipline.directory;

/** The capacity in which a staff member serves a school. */
public enum AssignmentKind {
    SRO,
    COUNSELOR
}
