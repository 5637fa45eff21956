package io.barometer.launcher;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layout's rules (CONVENTIONS.md, "Layout"), checked on the main classes of every module: the launcher is
 * the one module that has them all on its classpath (not their libraries: types are named, not referenced). A
 * rule broken names the classes and the dependency.
 */
@AnalyzeClasses(packages = "io.barometer", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String COMMAND = "io.barometer.command..";
    private static final String QUERY = "io.barometer.query..";
    private static final String WEB = "io.barometer.web..";
    private static final String LAUNCHER = "io.barometer.launcher..";

    /** Every module's classes are there: a rule over classes that were not found would pass for nothing. */
    @ArchTest
    static void everyModuleIsChecked(JavaClasses classes) {
        for (String application : new String[] {"io.barometer.command.CommandServiceApplication",
                "io.barometer.query.QueryServiceApplication", "io.barometer.web.WebApplication",
                "io.barometer.events.ProjectDeclared", "io.barometer.support.json.StrictJson"}) {
            assertThat(classes.contain(application)).as(application).isTrue();
        }
    }

    @ArchTest
    static final ArchRule commandServiceImportsNoOtherService = noClasses().that().resideInAPackage(COMMAND)
            .should().dependOnClassesThat().resideInAnyPackage(QUERY, WEB, LAUNCHER)
            .because("the services share only the events, the support module and PostgreSQL");

    @ArchTest
    static final ArchRule queryServiceImportsNoOtherService = noClasses().that().resideInAPackage(QUERY)
            .should().dependOnClassesThat().resideInAnyPackage(COMMAND, WEB, LAUNCHER)
            .because("the services share only the events, the support module and PostgreSQL");

    @ArchTest
    static final ArchRule webTalksToTheServicesOnlyOverHttp = noClasses().that().resideInAPackage(WEB)
            .should().dependOnClassesThat().resideInAnyPackage(COMMAND, QUERY, LAUNCHER, "io.barometer.support..",
                    "org.axonframework..", "org.springframework.jdbc..", "java.sql..")
            .because("the web reads and writes through the services' HTTP APIs, never their code or tables");

    @ArchTest
    static final ArchRule sharedEventsDependOnAnnotationsOnly = classes().that().resideInAPackage("io.barometer.events..")
            .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "io.barometer.events..",
                    "com.fasterxml.jackson.annotation..").or(name("org.axonframework.serialization.Revision")))
            .because("both services must agree on the events, and nothing else should come with them");

    @ArchTest
    static final ArchRule supportKnowsNoService = noClasses().that().resideInAPackage("io.barometer.support..")
            .should().dependOnClassesThat().resideInAnyPackage(COMMAND, QUERY, WEB, LAUNCHER);

    /** Feature packages of every module ({@code command.response}, {@code query.asof}, {@code web.page}…). */
    @ArchTest
    static final ArchRule featuresFormNoCycle = slices().matching("io.barometer.(*).(*)..")
            .should().beFreeOfCycles()
            .because("a newcomer should be able to read a feature without reading the one that reads it");

    @ArchTest
    static final ArchRule controllersHoldNoSql = noClasses()
            .that().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
            .or().areAnnotatedWith("org.springframework.stereotype.Controller")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
            .because("SQL lives in the repository of its feature");
}
