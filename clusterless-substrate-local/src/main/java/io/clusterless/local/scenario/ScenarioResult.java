package io.clusterless.local.scenario;

/**
 * How one scenario ended: {@code passed}, {@code failed}, {@code skipped} (disabled, or not run after a failure with
 * stop-on-failure), {@code verified} (verify-only) or {@code planned} (dry run), and why.
 */
public record ScenarioResult(String scenario, String result, String detail) {
    public boolean failed() {
        return "failed".equals(result);
    }
}
