package dev.deepwire.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An undoable change of a project-level setting — the training settings (validation split included) or the
 * dataset binding — recorded in the same history as graph edits, so it marks the project dirty, is saved by Save
 * and is undone by Undo.
 */
public final class ProjectSettingCommand implements Command {
    private final Project project;
    private final TrainingSettings trainingBefore;
    private final TrainingSettings trainingAfter;
    private final DatasetSpec datasetBefore;
    private final DatasetSpec datasetAfter;
    private final boolean dataset;

    private ProjectSettingCommand(Project project, TrainingSettings tb, TrainingSettings ta, DatasetSpec db, DatasetSpec da,
                                  boolean dataset) {
        this.project = Objects.requireNonNull(project);
        this.trainingBefore = tb;
        this.trainingAfter = ta;
        this.datasetBefore = db;
        this.datasetAfter = da;
        this.dataset = dataset;
    }

    public static ProjectSettingCommand training(Project project, TrainingSettings after) {
        return new ProjectSettingCommand(project, project.training(), Objects.requireNonNull(after), null, null, false);
    }

    public static ProjectSettingCommand dataset(Project project, DatasetSpec after) {
        return new ProjectSettingCommand(project, null, null, project.dataset(), after, true);
    }

    @Override
    public void execute(Graph graph) {
        if (dataset) {
            project.setDataset(datasetAfter);
        } else {
            project.setTraining(trainingAfter);
        }
    }

    @Override
    public void undo(Graph graph) {
        if (dataset) {
            project.setDataset(datasetBefore);
        } else {
            project.setTraining(trainingBefore);
        }
    }

    @Override
    public String description() {
        if (dataset) {
            return datasetAfter == null ? "Remove the dataset" : "Set the dataset to " + datasetAfter.kind();
        }
        List<String> changed = new ArrayList<>();
        TrainingSettings a = trainingBefore;
        TrainingSettings b = trainingAfter;
        if (a.epochs() != b.epochs()) {
            changed.add("epochs to " + b.epochs());
        }
        if (a.batchSize() != b.batchSize()) {
            changed.add("batch size to " + b.batchSize());
        }
        if (!a.optimizer().equals(b.optimizer())) {
            changed.add("optimizer to " + b.optimizer());
        }
        if (a.learningRate() != b.learningRate()) {
            changed.add("learning rate to " + b.learningRate());
        }
        if (a.seed() != b.seed()) {
            changed.add("seed to " + b.seed());
        }
        if (a.checkpointEvery() != b.checkpointEvery()) {
            changed.add("checkpoint to every " + b.checkpointEvery());
        }
        if (a.earlyStoppingPatience() != b.earlyStoppingPatience()) {
            changed.add("early stopping to " + b.earlyStoppingPatience());
        }
        if (a.validationSplit() != b.validationSplit()) {
            changed.add("validation split to " + b.validationSplit());
        }
        if (!a.selectOn().equals(b.selectOn())) {
            changed.add("model selection to " + b.selectOn());
        }
        return changed.size() == 1 ? "Set " + changed.get(0) : "Change training settings";
    }
}
