package dev.deepwire.ui;

import javafx.application.Application;

/** Starts the JavaFX workbench from a plain main class (a main in an Application subclass fails on the class path). */
public final class WorkbenchLauncher {
    private WorkbenchLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }
}
