package io.clusterless.local.scenario;

/** How one scenario ended: {@code passed}, {@code failed} or {@code skipped} (disabled), and why. */
public record ScenarioResult(String scenario, String result, String detail) {
    public boolean failed() {
        return "failed".equals(result);
    }
}
