package org.tipline.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tipline.crypto.PasswordHasher;

@QuarkusTest
class DemoDirectoryTest {

    private static final UUID DISTRICT = DemoDirectory.id("district", DemoDirectory.DISTRICT_NAME);

    @Inject
    DemoDirectory demo;

    @Inject
    PasswordHasher passwords;

    /** The schools the demo loader made (other tests may add schools to the demo district). */
    private static final List<UUID> DEMO_SCHOOLS = List.of("Kelly Walsh High School", "Natrona County High School",
            "Centennial Junior High School", "Park Elementary School", "Evansville Elementary School",
            "Evansville Middle School", "Midwest School", "Poison Spider School").stream()
            .map(name -> DemoDirectory.id("school", name)).toList();

    private static List<School> demoSchools() {
        return School.list("id in ?1", DEMO_SCHOOLS);
    }

    private static List<Assignment> demoAssignments() {
        return Assignment.list("school.id in ?1 and staff.email like ?2", DEMO_SCHOOLS, "%@demo.tipline.local");
    }

    @Test
    void shouldHaveEightSchoolsEachServedByOneSroAndACounselor() {
        QuarkusTransaction.requiringNew().run(() -> {
            List<School> schools = demoSchools();
            assertThat(schools).hasSize(8).allMatch(school -> school.district.id.equals(DISTRICT));
            Map<UUID, List<Assignment>> bySchool = demoAssignments().stream()
                    .collect(Collectors.groupingBy(assignment -> assignment.school.id));
            for (School school : schools) {
                List<Assignment> assignments = bySchool.get(school.id);
                assertThat(assignments).as(school.name)
                        .filteredOn(a -> a.kind == AssignmentKind.SRO).hasSize(1)
                        .allMatch(a -> a.staff.role == StaffRole.SRO && a.primary);
                assertThat(assignments).as(school.name)
                        .filteredOn(a -> a.kind == AssignmentKind.COUNSELOR).isNotEmpty()
                        .allMatch(a -> a.staff.role == StaffRole.COUNSELOR);
            }
        });
    }

    @Test
    void shouldShareOneSroBetweenTheTwoEvansvilleSchools() {
        QuarkusTransaction.requiringNew().run(() -> {
            Map<String, Set<String>> schoolsBySro = demoAssignments().stream()
                    .filter(a -> a.kind == AssignmentKind.SRO)
                    .collect(Collectors.groupingBy(a -> a.staff.email,
                            Collectors.mapping(a -> a.school.name, Collectors.toSet())));

            assertThat(schoolsBySro).hasSize(7);
            assertThat(schoolsBySro).containsEntry("sro.evansville@demo.tipline.local",
                    Set.of("Evansville Elementary School", "Evansville Middle School"));
        });
    }

    @Test
    void shouldHaveEachAgencyServeItsOwnSchoolsAndItsOfficersWorkThere() {
        QuarkusTransaction.requiringNew().run(() -> {
            Map<String, Set<String>> citiesByAgency = demoSchools().stream().collect(Collectors.groupingBy(
                    s -> s.agency.name, Collectors.mapping(s -> s.city, Collectors.toSet())));

            assertThat(citiesByAgency).containsOnly(
                    Map.entry("Casper Police Department", Set.of("Casper")),
                    Map.entry("Evansville Police Department", Set.of("Evansville")),
                    Map.entry("Natrona County Sheriff's Office", Set.of("Midwest", "Casper (rural)")));
            assertThat(demoAssignments()).filteredOn(a -> a.kind == AssignmentKind.SRO)
                    .allMatch(a -> a.staff.agency.id.equals(a.school.agency.id));
        });
    }

    @Test
    void shouldHaveRoleAccountsWithTheDocumentedPassword() {
        QuarkusTransaction.requiringNew().run(() -> {
            List<Staff> staff = Staff.list("email like ?1", "%@demo.tipline.local");
            Map<StaffRole, Long> roles = staff.stream().collect(Collectors.groupingBy(s -> s.role, Collectors.counting()));

            assertThat(roles).containsEntry(StaffRole.COORDINATOR, 1L).containsEntry(StaffRole.ANALYST, 1L)
                    .containsEntry(StaffRole.ADMIN, 1L).containsEntry(StaffRole.SRO, 7L);
            assertThat(staff).filteredOn(s -> s.role == StaffRole.SRO).allMatch(s -> s.email.startsWith("sro."));
            assertThat(staff).allMatch(s -> s.enabled)
                    .allMatch(s -> passwords.matches(DemoDirectory.DEMO_PASSWORD.toCharArray(), s.passwordHash));
        });
    }

    @Test
    void shouldAddNothingWhenLoadedAgain() {
        long schools = School.count();
        long staff = Staff.count();
        long assignments = Assignment.count();

        demo.load();

        assertThat(School.count()).isEqualTo(schools);
        assertThat(Staff.count()).isEqualTo(staff);
        assertThat(Assignment.count()).isEqualTo(assignments);
    }
}
