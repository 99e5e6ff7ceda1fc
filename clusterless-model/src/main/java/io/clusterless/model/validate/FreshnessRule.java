package io.clusterless.model.validate;

import io.clusterless.model.Arc;
import io.clusterless.model.Boundary;
import io.clusterless.model.Deployable;
import io.clusterless.model.Freshness;
import io.clusterless.model.FreshnessTopic;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.load.LoadedFile;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;
import io.clusterless.model.shape.FieldPath;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Freshness targets on a boundary's dataset or an arc's sink: ISO-8601 durations, positive, at least one of the
 * two, and a warning that comes no later than the error.
 */
final class FreshnessRule implements Rule {
    @Override
    public void check(LoadedProject project, ValidationOptions options, List<Problem> problems) {
        checkTopic(project, problems);
        for (Located<Boundary> boundary : Elements.ofType(project, Boundary.class)) {
            SinkDataset dataset = boundary.value().getDataset();
            if (dataset != null) {
                check(boundary, dataset.getFreshness(), problems, "dataset", "freshness");
            }
        }
        for (Located<Arc<?>> arc : Elements.arcs(project)) {
            for (Map.Entry<String, SinkDataset> sink : arc.value().getSinks().entrySet()) {
                if (sink.getValue() != null) {
                    check(arc, sink.getValue().getFreshness(), problems, "sinks", sink.getKey(), "freshness");
                }
            }
        }
    }

    /** A topic has a valid SNS name, and something to tell: a dataset of the project with freshness targets. */
    private static void checkTopic(LoadedProject project, List<Problem> problems) {
        boolean targets = project.deployables().stream().anyMatch(FreshnessRule::hasTargets);
        for (LoadedFile file : project.files()) {
            FreshnessTopic topic = file.deployable().getFreshnessTopic();
            if (topic == null) {
                continue;
            }
            Located<FreshnessTopic> located = new Located<>(file, FieldPath.of("freshnessTopic"), topic);
            String name = topic.getTopicName();
            if (name == null || !name.matches(FreshnessTopic.NAME_PATTERN)) {
                problems.add(located.problemAt("freshnessTopic topicName " + (name == null ? "is missing"
                        : "\"" + name + "\" is not an SNS topic name") + "; use up to 256 letters, digits, - and _, "
                        + "e.g. \"orders-freshness\"", "topicName"));
            }
            if (!targets) {
                problems.add(located.problem("freshnessTopic is declared but no dataset of the project has freshness "
                        + "targets, so nothing would be published; add e.g. \"freshness\": {\"errorAfter\": "
                        + "\"PT2H\"} to a boundary's dataset or an arc's sink, or remove freshnessTopic"));
            }
        }
    }

    private static boolean hasTargets(Deployable deployable) {
        return deployable.getBoundaries().stream().anyMatch(b -> b.getDataset() != null
                && b.getDataset().getFreshness() != null)
                || deployable.getArcs().stream().flatMap(a -> a.getSinks().values().stream())
                .anyMatch(sink -> sink != null && sink.getFreshness() != null);
    }

    private static void check(Located<?> owner, Freshness freshness, List<Problem> problems, Object... path) {
        if (freshness == null) {
            return;
        }
        if (freshness.getWarnAfter() == null && freshness.getErrorAfter() == null) {
            problems.add(owner.problemAt("freshness sets neither warnAfter nor errorAfter; give at least one, e.g. "
                    + "{\"errorAfter\": \"PT2H\"}", path));
            return;
        }
        Optional<Duration> warn = duration(owner, freshness.getWarnAfter(), "warnAfter", problems, path);
        Optional<Duration> error = duration(owner, freshness.getErrorAfter(), "errorAfter", problems, path);
        if (warn.isPresent() && error.isPresent() && warn.get().compareTo(error.get()) > 0) {
            problems.add(owner.problemAt("freshness warnAfter " + freshness.getWarnAfter() + " is later than errorAfter "
                    + freshness.getErrorAfter() + "; a warning must come no later than the error",
                    append(path, "warnAfter")));
        }
    }

    private static Optional<Duration> duration(Located<?> owner, String text, String field, List<Problem> problems,
                                               Object... path) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            Duration duration = Duration.parse(text);
            if (duration.isNegative() || duration.isZero()) {
                problems.add(owner.problemAt("freshness " + field + " \"" + text + "\" must be longer than zero",
                        append(path, field)));
                return Optional.empty();
            }
            return Optional.of(duration);
        } catch (DateTimeParseException e) {
            problems.add(owner.problemAt("freshness " + field + " \"" + text + "\" is not an ISO-8601 duration; "
                    + "write e.g. PT30M (30 minutes), PT2H (2 hours) or P1D (1 day)", append(path, field)));
            return Optional.empty();
        }
    }

    private static Object[] append(Object[] path, Object last) {
        Object[] longer = java.util.Arrays.copyOf(path, path.length + 1);
        longer[path.length] = last;
        return longer;
    }
}
