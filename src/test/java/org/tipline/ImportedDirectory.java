package org.tipline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A district's directory as an operator would bring it, in the four CSV files of the import API: 3 agencies, 50
 * schools, 60 staff (25 officers, 34 counselors, a coordinator) and the assignments that give every school an officer
 * and a counselor. Addresses and NCES ids are derived from {@code label} so that files of one run never meet another's.
 */
final class ImportedDirectory {

    static final int AGENCIES = 3;
    static final int SCHOOLS = 50;
    static final int OFFICERS = 25;
    static final int COUNSELORS = 34;
    static final int STAFF = OFFICERS + COUNSELORS + 1;
    static final int ASSIGNMENTS = 2 * SCHOOLS;

    private static final String[] AGENCY_KINDS = { "CITY_POLICE", "COUNTY_SHERIFF", "TOWN_POLICE" };
    private static final String[] LEVELS = { "ELEMENTARY", "JUNIOR_HIGH", "HIGH" };
    private static final String[] LEVEL_NAMES = { "Elementary", "Junior High", "High" };

    private final String district;
    private final String label;

    ImportedDirectory(String district, String label) {
        this.district = district;
        this.label = label;
    }

    /** The files in the order they can be imported: each names only what the ones before it created. */
    Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("agencies", agencies());
        files.put("schools", schools());
        files.put("staff", staff());
        files.put("assignments", assignments());
        return files;
    }

    static int rows(String kind) {
        return switch (kind) {
            case "agencies" -> AGENCIES;
            case "schools" -> SCHOOLS;
            case "staff" -> STAFF;
            case "assignments" -> ASSIGNMENTS;
            default -> throw new IllegalArgumentException(kind);
        };
    }

    String schoolName(int school) {
        return "Prairie " + LEVEL_NAMES[school % LEVELS.length] + " School No. " + (school + 1);
    }

    /** The officer every tip at {@code school} goes to. */
    String officerOf(int school) {
        return officer(school % OFFICERS);
    }

    /** A schools file with three bad rows among good ones: a blank name, an unknown level, a district not there. */
    String schoolsWithThreeBadRows() {
        return "nces_id,name,district,city,level,agency\n"
                + ncesId(900) + ",Good Row Elementary," + district + ",Laramie,ELEMENTARY," + agency(0) + "\n"
                + ncesId(901) + ",," + district + ",Laramie,HIGH," + agency(0) + "\n"
                + ncesId(902) + ",Bad Level School," + district + ",Laramie,KINDERGARTEN," + agency(0) + "\n"
                + ncesId(903) + ",Lost School,No Such District,Laramie,HIGH," + agency(0) + "\n";
    }

    private String agencies() {
        StringBuilder csv = new StringBuilder("name,kind,on_call_email,supervisor_email\n");
        for (int i = 0; i < AGENCIES; i++) {
            csv.append(agency(i)).append(',').append(AGENCY_KINDS[i]).append(",on-call-").append(i).append('@').append(label)
                    .append(".example.org,supervisor-").append(i).append('@').append(label).append(".example.org\n");
        }
        return csv.toString();
    }

    private String schools() {
        StringBuilder csv = new StringBuilder("nces_id,name,district,city,level,agency\n");
        for (int i = 0; i < SCHOOLS; i++) {
            csv.append(ncesId(i)).append(',').append(schoolName(i)).append(',').append(district).append(",Laramie,")
                    .append(LEVELS[i % LEVELS.length]).append(',').append(agency(i % AGENCIES)).append('\n');
        }
        return csv.toString();
    }

    private String staff() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < OFFICERS; i++) {
            // An officer belongs to the agency of the schools they serve.
            rows.add(officer(i) + ",Officer " + (i + 1) + ",SRO,," + agency(i % AGENCIES));
        }
        for (int i = 0; i < COUNSELORS; i++) {
            rows.add(counselor(i) + ",Counselor " + (i + 1) + ",COUNSELOR," + district + ",");
        }
        rows.add("coordinator@" + label + ".example.org,Safety Coordinator,COORDINATOR," + district + ",");
        return "email,name,role,district,agency\n" + String.join("\n", rows) + "\n";
    }

    private String assignments() {
        StringBuilder csv = new StringBuilder("email,school_nces_id,kind\n");
        for (int i = 0; i < SCHOOLS; i++) {
            csv.append(officerOf(i)).append(',').append(ncesId(i)).append(",SRO\n");
            csv.append(counselor(i % COUNSELORS)).append(',').append(ncesId(i)).append(",COUNSELOR\n");
        }
        return csv.toString();
    }

    private String agency(int i) {
        return new String[] { "Laramie Police Department", "Albany County Sheriff", "Rock River Police" }[i];
    }

    private String officer(int i) {
        return "officer-" + (i + 1) + "@" + label + ".example.org";
    }

    private String counselor(int i) {
        return "counselor-" + (i + 1) + "@" + label + ".example.org";
    }

    private static String ncesId(int school) {
        return String.valueOf(560_000_000_000L + school);
    }
}
