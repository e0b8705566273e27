package com.shisha.app;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module boundaries of DESIGN.md, checked on the compiled classes: bot-core depends on no vendor SDK and
 * no other module; the adapter modules depend on bot-core, never on each other; only app sees everything.
 */
class ModularityTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.shisha");

    private static final String[] VENDOR_SDKS = {
            "com.twilio..", "org.redisson..", "com.mongodb..", "org.springframework..", "io.zonky..", "redis.embedded..",
            "de.bwaldvogel..", "dev.langchain4j..", "org.vosk..", "com.google.firebase..", "software.amazon..", "tools.jackson..",
            "com.fasterxml..", "jakarta.."};

    @Test
    void botCoreKnowsNoVendorSdkAndNoOtherModule() {
        noClasses().that().resideInAPackage("com.shisha.core..")
                .should().dependOnClassesThat().resideInAnyPackage(VENDOR_SDKS)
                .orShould().dependOnClassesThat().resideInAnyPackage("com.shisha.channels..", "com.shisha.dialogs..",
                        "com.shisha.persistence..", "com.shisha.ai..", "com.shisha.web..", "com.shisha.app..")
                .check(CLASSES);
    }

    /**
     * bot-core exports what the other modules program against: its ports (interfaces) and the values that cross
     * into them (records, enums, exceptions). Beyond those a public class is either shared functions (final, static
     * members only) or a service another module composes (the app wires the pipeline's, an adapter may build a
     * helper such as the channel pager): judged by who calls its constructor, so a class only bot-core builds has
     * no reason to be public. Anything else public is an internal an adapter could come to depend on, which would
     * make it part of the design by accident. Checked by structure, not by a list of names, so a new class is
     * judged without editing this test.
     */
    @Test
    void botCoreExportsPortsValuesAndComposedServicesOnly() {
        classes().that().resideInAPackage("com.shisha.core..").and().arePublic().and().areTopLevelClasses()
                .should(new ArchCondition<JavaClass>("be a port, a value, shared functions or a service another module composes") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        boolean exported = type.isInterface() || type.isRecord() || type.isEnum()
                                || type.isAssignableTo(Throwable.class) || functionsOnly(type) || composedOutsideCore(type);
                        if (!exported) {
                            events.add(SimpleConditionEvent.violated(type, type.getName() + " is public but is no port, "
                                    + "value, exception, shared functions or service another module composes: make it package-private"));
                        }
                    }
                })
                .check(CLASSES);
    }

    private static boolean functionsOnly(JavaClass type) {
        return type.getModifiers().contains(JavaModifier.FINAL)
                && type.getMembers().stream().allMatch(m -> m.getModifiers().contains(JavaModifier.STATIC)
                        || (m instanceof JavaConstructor
                            && m.getModifiers().contains(JavaModifier.PRIVATE)));
    }

    private static boolean composedOutsideCore(JavaClass type) {
        return type.getConstructorCallsToSelf().stream()
                .anyMatch(call -> !call.getOriginOwner().getPackageName().startsWith("com.shisha.core"));
    }

    @Test
    void adaptersDependOnCoreNotOnEachOther() {
        String[][] modules = {
                {"com.shisha.channels..", "channels"}, {"com.shisha.dialogs..", "dialogs"}, {"com.shisha.persistence..", "persistence"},
                {"com.shisha.ai..", "ai"}, {"com.shisha.web..", "web-portal"}};
        for (String[] module : modules) {
            for (String[] other : modules) {
                if (module != other) {
                    noClasses().that().resideInAPackage(module[0])
                            .should().dependOnClassesThat().resideInAPackage(other[0])
                            .as(module[1] + " must not depend on " + other[1])
                            .check(CLASSES);
                }
            }
            noClasses().that().resideInAPackage(module[0]).should().dependOnClassesThat().resideInAPackage("com.shisha.app..")
                    .as(module[1] + " must not depend on app").check(CLASSES);
        }
    }

    @Test
    void onlyTheTwilioAdapterTalksToTwilioAndOnlyPersistenceToTheStores() {
        noClasses().that().resideOutsideOfPackages("com.shisha.channels.twilio..", "com.shisha.app..")
                .should().dependOnClassesThat().resideInAPackage("com.twilio..").check(CLASSES);
        noClasses().that().resideOutsideOfPackages("com.shisha.persistence..", "com.shisha.app..")
                .should().dependOnClassesThat().resideInAnyPackage("org.redisson..", "com.mongodb..", "org.springframework.jdbc..")
                .check(CLASSES);
        noClasses().that().resideOutsideOfPackages("com.shisha.dialogs..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework.statemachine..").check(CLASSES);
    }

    /**
     * The AI vendors stay in their adapters: the Ollama client and the embedding model in ai, Vosk in ai's voice
     * package, Tribuo only where the lead model is trained (scoring reads a JSON file and must work without it).
     */
    @Test
    void aiVendorsStayInTheirAdapters() {
        noClasses().that().resideOutsideOfPackages("com.shisha.ai..", "com.shisha.app..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.langchain4j..", "org.vosk..", "io.github.jaredmdobson..")
                .check(CLASSES);
        noClasses().that().resideOutsideOfPackages("com.shisha.ai.voice..")
                .should().dependOnClassesThat().resideInAnyPackage("org.vosk..", "io.github.jaredmdobson..").check(CLASSES);
        noClasses().that().resideOutsideOfPackages("com.shisha.ai.leads.train..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tribuo..", "com.oracle.labs.mlrg.olcut..").check(CLASSES);
    }

    /**
     * The dialogs are features, one package each; a feature uses the dialog core (the turn, the understanding step)
     * and never another feature, and only the core knows the state machine.
     */
    @Test
    void dialogFeaturesAreIndependentPackages() {
        String[] features = {"onboarding", "quiz", "leads", "progress", "community", "coach", "callreview"};
        for (String feature : features) {
            for (String other : features) {
                if (!feature.equals(other)) {
                    noClasses().that().resideInAPackage("com.shisha.dialogs." + feature + "..")
                            .should().dependOnClassesThat().resideInAPackage("com.shisha.dialogs." + other + "..")
                            .as("dialog feature " + feature + " must not depend on " + other).check(CLASSES);
                }
            }
            noClasses().that().resideInAPackage("com.shisha.dialogs." + feature + "..")
                    .should().dependOnClassesThat().resideInAPackage("org.springframework.statemachine..")
                    .as("dialog feature " + feature + " must not know the state machine").check(CLASSES);
        }
        noClasses().that().resideInAPackage("com.shisha.dialogs.understanding..")
                .should().dependOnClassesThat().resideInAnyPackage("com.shisha.dialogs", "com.shisha.dialogs.onboarding..",
                        "com.shisha.dialogs.quiz..", "com.shisha.dialogs.leads..", "com.shisha.dialogs.progress..",
                        "com.shisha.dialogs.community..", "com.shisha.dialogs.coach..", "com.shisha.dialogs.callreview..")
                .as("the understanding step knows no dialog").check(CLASSES);
    }
}
