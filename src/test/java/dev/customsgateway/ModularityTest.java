package dev.customsgateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module rules: capabilities never call each other in Java (the routes put them in order); each may
 * use the shared kernel ({@code core}), the message log ({@code audit}) and the schema-derived classes
 * ({@code schema}). Mapping stays free of Camel. Only {@code core.SecureXml} makes XML parsers.
 */
class ModularityTest {

    private static final String BASE = "dev.customsgateway";
    static final List<String> CAPABILITIES =
            List.of("intake", "mapping", "customs", "signing", "delivery", "receipts", "sandbox");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    @Test
    void capabilitiesDoNotDependOnEachOther() {
        for (String capability : CAPABILITIES) {
            String[] others = CAPABILITIES.stream().filter(c -> !c.equals(capability))
                    .map(c -> BASE + "." + c + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage(BASE + "." + capability + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("capabilities meet only in the routes")
                    .allowEmptyShould(true) // receipts and sandbox arrive with later work
                    .check(CLASSES);
        }
    }

    @Test
    void sharedPackagesDependOnNoCapability() {
        String[] capabilities = CAPABILITIES.stream().map(c -> BASE + "." + c + "..").toArray(String[]::new);
        noClasses().that().resideInAnyPackage(BASE + ".core..", BASE + ".audit..")
                .should().dependOnClassesThat().resideInAnyPackage(capabilities)
                .check(CLASSES);
        noClasses().that().resideInAPackage(BASE + ".core..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".audit..")
                .check(CLASSES);
    }

    /**
     * The web console reads across the whole gateway, so it must not become a back door between capabilities: it
     * uses {@code core} and {@code audit} only. What it asks of a capability (a signature check, API keys) comes
     * through interfaces of {@code core} that the capability implements. Nothing depends on the console.
     */
    @Test
    void consoleReadsOnlyTheSharedPackages() {
        String[] capabilities = CAPABILITIES.stream().map(c -> BASE + "." + c + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage(BASE + ".console..")
                .should().dependOnClassesThat().resideInAnyPackage(capabilities)
                .check(CLASSES);
        noClasses().that().resideOutsideOfPackage(BASE + ".console..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".console..")
                .check(CLASSES);
    }

    @Test
    void mappingIsPlainJava() {
        noClasses().that().resideInAPackage(BASE + ".mapping..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.camel..")
                .check(CLASSES);
    }

    @Test
    void onlySecureXmlCreatesParsers() {
        noClasses().that().resideOutsideOfPackage(BASE + ".core..")
                .and().resideOutsideOfPackage(BASE + ".schema..")
                .should().callMethod(javax.xml.parsers.DocumentBuilderFactory.class, "newInstance")
                .orShould().callMethod(javax.xml.parsers.SAXParserFactory.class, "newInstance")
                .orShould().callMethod(javax.xml.stream.XMLInputFactory.class, "newFactory")
                .orShould().callMethod(javax.xml.stream.XMLInputFactory.class, "newInstance")
                .orShould().callMethod(javax.xml.transform.TransformerFactory.class, "newInstance")
                .because("XML is parsed only through core.SecureXml (DOCTYPE disallowed, no external entities)")
                .check(CLASSES);
    }
}
