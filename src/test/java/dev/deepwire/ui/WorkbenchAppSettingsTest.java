package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkbenchAppSettingsTest {
    @Test
    void theObservationBudgetIsAShareAndFallsBackToOnePercent() {
        assertThat(WorkbenchApp.observationBudget(null)).isEqualTo(0.01);
        assertThat(WorkbenchApp.observationBudget("0")).isZero();
        assertThat(WorkbenchApp.observationBudget("0.05")).isEqualTo(0.05);
        assertThat(WorkbenchApp.observationBudget("five")).isEqualTo(0.01);
        assertThat(WorkbenchApp.observationBudget("-1")).isEqualTo(0.01);
        assertThat(WorkbenchApp.observationBudget("1.5")).isEqualTo(0.01);
    }
}
