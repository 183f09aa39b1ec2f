package dev.deepwire;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layer rules of docs/architecture.md, held by the build. Each rule says why it exists. Allowed exceptions
 * are named in the rule itself; there are no others (no frozen violations, no ignore file).
 */
@AnalyzeClasses(packages = "dev.deepwire", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * Layers depend downwards only: model → io, compiler, data → training → inspect → worker → sweep → cli, ui → entry.
     * Only dependencies between DeepWire's own packages are checked here (libraries have rules of their own
     * below), and a layer may be empty (withOptionalLayers) so the rule survives a package move.
     */
    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
            .layer("model").definedBy("dev.deepwire.model..")
            .layer("io").definedBy("dev.deepwire.io..")
            .layer("compiler").definedBy("dev.deepwire.compiler..")
            .layer("data").definedBy("dev.deepwire.data..")
            .layer("training").definedBy("dev.deepwire.training..")
            .layer("inspect").definedBy("dev.deepwire.inspect..")
            .layer("worker").definedBy("dev.deepwire.worker..")
            .layer("sweep").definedBy("dev.deepwire.sweep..")
            .layer("cli").definedBy("dev.deepwire.cli..")
            .layer("ui").definedBy("dev.deepwire.ui..")
            .layer("entry").definedBy("dev.deepwire")
            .whereLayer("entry").mayNotBeAccessedByAnyLayer()
            .whereLayer("ui").mayOnlyBeAccessedByLayers("entry")
            .whereLayer("cli").mayOnlyBeAccessedByLayers("entry")
            .whereLayer("sweep").mayOnlyBeAccessedByLayers("cli", "ui", "entry")
            .whereLayer("worker").mayOnlyBeAccessedByLayers("sweep", "ui", "entry")
            .whereLayer("inspect").mayOnlyBeAccessedByLayers("worker", "sweep", "cli", "ui", "entry")
            .whereLayer("training").mayOnlyBeAccessedByLayers("inspect", "worker", "sweep", "cli", "ui", "entry")
            .whereLayer("data").mayOnlyBeAccessedByLayers("training", "inspect", "worker", "sweep", "cli", "ui", "entry")
            .whereLayer("compiler").mayOnlyBeAccessedByLayers("training", "inspect", "worker", "sweep", "cli", "ui", "entry")
            .whereLayer("io").mayOnlyBeAccessedByLayers("training", "inspect", "worker", "sweep", "cli", "ui", "entry")
            .whereLayer("model").mayOnlyBeAccessedByLayers("io", "compiler", "data", "training", "inspect", "worker", "sweep", "cli", "ui", "entry")
            .because("a change to a lower layer must not need the window, the command line or the training process "
                    + "to follow, and the command line must run without JavaFX");

    @ArchTest
    static final ArchRule modelIsPlainJava = noClasses().that().resideInAPackage("dev.deepwire.model..")
            .should().dependOnClassesThat().resideOutsideOfPackages("dev.deepwire.model..", "java..")
            .because("the graph, its checks and undo are tested in milliseconds and read by every other layer; "
                    + "a library there would reach everywhere");

    /** The bounded file reading every layer shares: plain Java, so any layer may use it. */
    @ArchTest
    static final ArchRule limitsArePlainJava = noClasses().that().resideInAPackage("dev.deepwire.limits..")
            .should().dependOnClassesThat().resideOutsideOfPackages("dev.deepwire.limits..", "java..")
            .because("every layer, the model's reader included, reads files through it, so it may depend on nothing");

    @ArchTest
    static final ArchRule onlyTheUiTouchesJavaFx = noClasses().that().resideOutsideOfPackage("dev.deepwire.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the command line and the training process run headless, without a JavaFX toolkit");

    /**
     * DL4J and ND4J stay below the window: the window holds a trained model as an inspect.TrainedModel and reads
     * attention inputs through inspect.AttentionLayout. No exceptions.
     */
    @ArchTest
    static final ArchRule noDl4jInModelIoOrUi = noClasses().that()
            .resideInAnyPackage("dev.deepwire.model..", "dev.deepwire.io..", "dev.deepwire.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..")
            .because("numeric work off the UI thread and behind a small API keeps the window responsive and lets "
                    + "the training move to another process (ADR 0009) without touching the window");

    @ArchTest
    static final ArchRule trainerNeverTalksToJavaFx = noClasses().that().resideInAPackage("dev.deepwire.training..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.deepwire.ui..")
            .because("training reports through TrainingListener events (ADR 0005), so the same loop serves the "
                    + "window, the command line and the training process");

    /**
     * The Spark build's code (src/spark/java, ADR 0012) is reached only through the seams it registers with
     * ServiceLoader (training.DistributedTraining, sweep.SweepExecutorFactory): nothing names it, so the default build
     * compiles and runs without it; and it stands below the command line and the window. It is absent from the default
     * build, hence allowEmptyShould.
     */
    @ArchTest
    static final ArchRule nothingDependsOnSpark = noClasses().that().resideOutsideOfPackage("dev.deepwire.spark..")
            .should().dependOnClassesThat().resideInAPackage("dev.deepwire.spark..")
            .because("DL4J's Spark module is deprecated upstream and built only with -Pspark: it stays behind a narrow seam");

    @ArchTest
    static final ArchRule sparkStaysBelowTheCommandLine = noClasses().that().resideInAPackage("dev.deepwire.spark..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.deepwire.cli..", "dev.deepwire.ui..", "javafx..")
            .allowEmptyShould(true)
            .because("a Spark task runs headless on an executor, and the command line reaches Spark only through its seam");

    @ArchTest
    static final ArchRule windowsOpenWithinTheScreen = noClasses().that().resideInAPackage("dev.deepwire.ui..")
            .and().doNotHaveFullyQualifiedName("dev.deepwire.ui.controls.WindowSizes")
            .should().callConstructor(javafx.scene.Scene.class, javafx.scene.Parent.class, double.class, double.class)
            .because("a window sized by hand opened off a 1024 x 700 screen (the counterfactual pair, 1,200 px wide): "
                    + "every window's size goes through WindowSizes, which keeps it on the screen");

    @ArchTest
    static final ArchRule modelFilesAreLoadedOnlyAsChecked = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.deepwire.inspect.ModelFit")
            .and().doNotHaveFullyQualifiedName("dev.deepwire.inspect.TrainedModel")
            .and().doNotHaveFullyQualifiedName("dev.deepwire.worker.WorkerRun")
            .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                            com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(
                                    org.deeplearning4j.util.ModelSerializer.class)))
                    .and(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                            com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameStartingWith("restore"))))
            .because("a model file is a file anyone may have sent: DL4J reads only the private copy ModelZips.checkedCopy "
                    + "checked (a model.zip read by path again after its check had been loaded unchecked when swapped "
                    + "in between); ModelFit, TrainedModel and WorkerRun are the three places that load one");
}
