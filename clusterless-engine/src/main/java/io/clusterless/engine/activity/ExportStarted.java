package io.clusterless.engine.activity;

/**
 * An export task the service accepted.
 *
 * @param attempts how many CreateExportTask calls it took (more than one when another task was running)
 */
public record ExportStarted(String taskId, ExportWindow window, int attempts) {
}
