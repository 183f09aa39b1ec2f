package dev.deepwire;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layer rules of docs ARCHITECTURE.md, held by the build. */
@AnalyzeClasses(packages = "dev.deepwire", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
            .layer("model").definedBy("dev.deepwire.model..")
            .layer("io").definedBy("dev.deepwire.io..")
            .layer("compiler").definedBy("dev.deepwire.compiler..")
            .layer("data").definedBy("dev.deepwire.data..")
            .layer("training").definedBy("dev.deepwire.training..")
            .layer("inspect").definedBy("dev.deepwire.inspect..")
            .layer("worker").definedBy("dev.deepwire.worker..")
            .layer("cli").definedBy("dev.deepwire.cli..")
            .layer("ui").definedBy("dev.deepwire.ui..")
            .layer("entry").definedBy("dev.deepwire")
            .whereLayer("entry").mayNotBeAccessedByAnyLayer()
            .whereLayer("ui").mayOnlyBeAccessedByLayers("entry")
            .whereLayer("cli").mayOnlyBeAccessedByLayers("entry")
            .whereLayer("worker").mayOnlyBeAccessedByLayers("ui", "entry")
            .whereLayer("inspect").mayOnlyBeAccessedByLayers("worker", "cli", "ui", "entry")
            .whereLayer("training").mayOnlyBeAccessedByLayers("inspect", "worker", "cli", "ui", "entry")
            .whereLayer("data").mayOnlyBeAccessedByLayers("training", "inspect", "worker", "cli", "ui", "entry")
            .whereLayer("compiler").mayOnlyBeAccessedByLayers("training", "inspect", "worker", "cli", "ui", "entry")
            .whereLayer("io").mayOnlyBeAccessedByLayers("training", "worker", "cli", "ui", "entry")
            .whereLayer("model").mayOnlyBeAccessedByLayers("io", "compiler", "data", "training", "inspect", "worker", "cli", "ui", "entry");

    @ArchTest
    static final ArchRule modelIsPlainJava = noClasses().that().resideInAPackage("dev.deepwire.model..")
            .should().dependOnClassesThat().resideOutsideOfPackages("dev.deepwire.model..", "java..");

    @ArchTest
    static final ArchRule onlyTheUiTouchesJavaFx = noClasses().that().resideOutsideOfPackage("dev.deepwire.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..");

    @ArchTest
    static final ArchRule noDl4jInModelIoOrUi = noClasses().that()
            .resideInAnyPackage("dev.deepwire.model..", "dev.deepwire.io..")
            .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..");

    @ArchTest
    static final ArchRule trainerNeverTalksToJavaFx = noClasses().that().resideInAPackage("dev.deepwire.training..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.deepwire.ui..");
}
