package org.tipline.directory;

/** What a staff account may do and see (DESIGN 1). */
public enum StaffRole {
    SRO,
    COUNSELOR,
    COORDINATOR,
    ANALYST,
    ADMIN
}
