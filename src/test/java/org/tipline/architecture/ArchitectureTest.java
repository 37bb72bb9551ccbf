package org.tipline.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tipline.casework.CaseFiles;
import org.tipline.directory.BackArrowProbe;

/**
 * Keeps the package map of docs/ARCHITECTURE.md: feature packages in one order, each using only those below it,
 * no cycle between them, and resources that only translate HTTP (no SQL, no transaction of their own).
 */
class ArchitectureTest {

    private static final String BASE = "org.tipline";

    /** Top to bottom: a package may use the packages after it, never one before it. */
    static final List<String> LAYERS = List.of("pages", "admin", "casework", "incidents", "followup", "attachment", "stats", "signin", "intake", "routing",
            "retention", "notify", "tip", "audit", "auth", "directory", "abuse", "crypto", "platform");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    @Test
    void shouldPlaceEveryFeaturePackageInTheLayerOrder() {
        Set<String> features = MAIN.stream()
                .map(JavaClass::getPackageName)
                .filter(name -> name.startsWith(BASE + "."))
                .map(name -> name.substring(BASE.length() + 1).split("\\.")[0])
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(LAYERS).containsExactlyInAnyOrderElementsOf(features);
    }

    @Test
    void shouldLetEveryPackageUseOnlyThePackagesBelowIt() {
        for (int i = 1; i < LAYERS.size(); i++) {
            layerRule(i).check(MAIN);
        }
    }

    @Test
    void shouldHaveNoCycleBetweenFeaturePackages() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void shouldKeepSqlAndTransactionsOutOfResources() {
        resourcesStayThin().check(MAIN);
        noClasses().that().areAnnotatedWith(Path.class).should().beAnnotatedWith(Transactional.class).check(MAIN);
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(Path.class)
                .should().notBeAnnotatedWith(Transactional.class).check(MAIN);
    }

    @Test
    void shouldCatchAnArrowThatRunsBackUp() {
        JavaClasses withBackArrow = new ClassFileImporter().importClasses(BackArrowProbe.class, CaseFiles.class);

        assertThatThrownBy(() -> layerRule(LAYERS.indexOf("directory")).check(withBackArrow))
                .isInstanceOf(AssertionError.class).hasMessageContaining("BackArrowProbe");
    }

    @Test
    void shouldCatchAResourceThatRunsSql() {
        JavaClasses resource = new ClassFileImporter().importClasses(ResourceWithSql.class);

        assertThatThrownBy(() -> resourcesStayThin().check(resource))
                .isInstanceOf(AssertionError.class).hasMessageContaining("findById");
    }

    private static ArchRule layerRule(int index) {
        String[] higher = LAYERS.subList(0, index).stream().map(name -> BASE + "." + name + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage(BASE + "." + LAYERS.get(index) + "..")
                .should().dependOnClassesThat().resideInAnyPackage(higher)
                .as(LAYERS.get(index) + " uses only the packages below it");
    }

    private static ArchRule resourcesStayThin() {
        return noClasses().that().areAnnotatedWith(Path.class)
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "jakarta.persistence..",
                        "jakarta.transaction..", "io.quarkus.narayana..", "io.quarkus.hibernate..")
                .orShould().callMethodWhere(describe("a method of an entity (a query or a write)",
                        (JavaMethodCall call) -> call.getTargetOwner().isAssignableTo(PanacheEntityBase.class)))
                .as("resources run no SQL and open no transaction: services do");
    }

    /** A resource that queries the database itself, for the rule above to catch. */
    @Path("/nowhere")
    static class ResourceWithSql {
        Object read() {
            return org.tipline.directory.School.findById(java.util.UUID.randomUUID());
        }
    }
}
