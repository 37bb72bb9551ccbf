package org.tipline.directory;

import io.quarkus.arc.profile.UnlessBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tipline.crypto.PasswordHasher;

/**
 * Loads the demo district of DESIGN 9 for dev mode and tests: Natrona County School District, its
 * schools, the three agencies that serve them and fictional role accounts. Never part of a prod build.
 *
 * <p>Ids are derived from names, so they are the same on every machine and every restart; loading is
 * skipped when the district already exists, so restarts and repeated test runs add nothing.
 */
@ApplicationScoped
@UnlessBuildProfile("prod")
public class DemoDirectory {

    /** The password of every demo account; the README gives it. Dev and tests only. */
    public static final String DEMO_PASSWORD = "tipline-demo";
    public static final String DISTRICT_NAME = "Natrona County School District";
    private static final String MAIL_DOMAIN = "@demo.tipline.local";
    private static final Logger LOG = Logger.getLogger(DemoDirectory.class);

    private final PasswordHasher passwords;
    private final boolean enabled;

    DemoDirectory(PasswordHasher passwords, @ConfigProperty(name = "tipline.demo-data.enabled") boolean enabled) {
        this.passwords = passwords;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            load();
        }
    }

    /** Inserts the demo district unless it is there already. */
    @Transactional
    public void load() {
        if (District.findById(id("district", DISTRICT_NAME)) != null) {
            return;
        }
        String passwordHash = passwords.hash(DEMO_PASSWORD.toCharArray());
        District district = district();

        Agency casperPolice = agency("Casper Police Department", AgencyKind.CITY_POLICE, "cpd");
        Agency sheriff = agency("Natrona County Sheriff's Office", AgencyKind.COUNTY_SHERIFF, "ncso");
        Agency evansvillePolice = agency("Evansville Police Department", AgencyKind.TOWN_POLICE, "epd");

        School kellyWalsh = school(district, casperPolice, "Kelly Walsh High School", SchoolLevel.HIGH, "Casper");
        School natronaHigh = school(district, casperPolice, "Natrona County High School", SchoolLevel.HIGH, "Casper");
        School centennial = school(district, casperPolice, "Centennial Junior High School", SchoolLevel.JUNIOR_HIGH, "Casper");
        School parkElementary = school(district, casperPolice, "Park Elementary School", SchoolLevel.ELEMENTARY, "Casper");
        School evansvilleElementary = school(district, evansvillePolice, "Evansville Elementary School",
                SchoolLevel.ELEMENTARY, "Evansville");
        School evansvilleMiddle = school(district, evansvillePolice, "Evansville Middle School",
                SchoolLevel.JUNIOR_HIGH, "Evansville");
        School midwest = school(district, sheriff, "Midwest School", SchoolLevel.K12, "Midwest");
        School poisonSpider = school(district, sheriff, "Poison Spider School", SchoolLevel.K12, "Casper (rural)");

        // One SRO per school, except the two Evansville schools, which share the town's officer.
        sro("kwhs", "SRO, Kelly Walsh High School", casperPolice, passwordHash, kellyWalsh);
        sro("nchs", "SRO, Natrona County High School", casperPolice, passwordHash, natronaHigh);
        sro("cjhs", "SRO, Centennial Junior High School", casperPolice, passwordHash, centennial);
        sro("park", "SRO, Park Elementary School", casperPolice, passwordHash, parkElementary);
        sro("evansville", "SRO, Evansville schools", evansvillePolice, passwordHash, evansvilleElementary,
                evansvilleMiddle);
        sro("midwest", "Deputy SRO, Midwest School", sheriff, passwordHash, midwest);
        sro("poisonspider", "Deputy SRO, Poison Spider School", sheriff, passwordHash, poisonSpider);

        counselor("kwhs", "Counselor, Kelly Walsh High School", district, passwordHash, kellyWalsh);
        counselor("nchs", "Counselor, Natrona County High School", district, passwordHash, natronaHigh);
        counselor("cjhs", "Counselor, Centennial Junior High School", district, passwordHash, centennial);
        counselor("park", "Counselor, Park Elementary School", district, passwordHash, parkElementary);
        counselor("evansville", "Counselor, Evansville schools", district, passwordHash, evansvilleElementary,
                evansvilleMiddle);
        counselor("rural", "Counselor, rural schools", district, passwordHash, midwest, poisonSpider);

        staff("coordinator", "District safety coordinator", StaffRole.COORDINATOR, null, district, passwordHash);
        staff("analyst", "State tip-line analyst", StaffRole.ANALYST, null, null, passwordHash);
        staff("admin", "Tipline administrator", StaffRole.ADMIN, null, null, passwordHash);
        LOG.info("Loaded the demo district (dev and test profiles only)");
    }

    private static District district() {
        District district = new District();
        district.id = id("district", DISTRICT_NAME);
        district.name = DISTRICT_NAME;
        district.timeZone = "America/Denver";
        district.businessDayStart = LocalTime.of(7, 30);
        district.businessDayEnd = LocalTime.of(16, 30);
        district.persist();
        return district;
    }

    private static Agency agency(String name, AgencyKind kind, String mailbox) {
        Agency agency = new Agency();
        agency.id = id("agency", name);
        agency.name = name;
        agency.kind = kind;
        agency.onCallEmail = "oncall." + mailbox + MAIL_DOMAIN;
        agency.supervisorEmail = "supervisor." + mailbox + MAIL_DOMAIN;
        agency.persist();
        return agency;
    }

    private static School school(District district, Agency agency, String name, SchoolLevel level, String city) {
        School school = new School();
        school.id = id("school", name);
        school.district = district;
        school.agency = agency;
        school.name = name;
        school.level = level;
        school.city = city;
        school.active = true;
        school.persist();
        return school;
    }

    private static void sro(String mailbox, String name, Agency agency, String passwordHash, School... schools) {
        Staff officer = staff("sro." + mailbox, name, StaffRole.SRO, agency, null, passwordHash);
        for (School school : schools) {
            Assignment.of(officer, school, AssignmentKind.SRO, true).persist();
        }
    }

    private static void counselor(String mailbox, String name, District district, String passwordHash,
            School... schools) {
        Staff counselor = staff("counselor." + mailbox, name, StaffRole.COUNSELOR, null, district, passwordHash);
        for (School school : schools) {
            Assignment.of(counselor, school, AssignmentKind.COUNSELOR, true).persist();
        }
    }

    private static Staff staff(String mailbox, String name, StaffRole role, Agency agency, District district,
            String passwordHash) {
        Staff staff = new Staff();
        staff.email = mailbox + MAIL_DOMAIN;
        staff.id = id("staff", staff.email);
        staff.displayName = name;
        staff.role = role;
        staff.agency = agency;
        staff.district = district;
        staff.passwordHash = passwordHash;
        staff.enabled = true;
        staff.tokensNotBefore = java.time.Instant.EPOCH;
        staff.persist();
        return staff;
    }

    /** Name-based ids: stable across machines, so links in the README and bookmarks keep working. */
    static UUID id(String kind, String name) {
        return UUID.nameUUIDFromBytes(("tipline-demo:" + kind + ":" + name).getBytes(StandardCharsets.UTF_8));
    }
}
