package io.clusterless.model.core.arc.sagemaker;

import io.clusterless.model.Arc;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.core.arc.batch.ImagePathRule;
import io.clusterless.model.load.Problem;
import io.clusterless.model.validate.ComponentRule;
import io.clusterless.model.validate.Located;
import io.clusterless.model.validate.Names;
import io.clusterless.model.validate.RuleContext;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What SageMaker would refuse at run time, said at validate time with the field: one image (imagePath or imageUri),
 * an instance type, counts, volume and runtime in SageMaker's ranges, environment variables and roles SageMaker and
 * the local run accept, and S3 sinks.
 */
final class SageMakerJobRule<A extends Arc<? extends SageMakerJobSettings>> implements ComponentRule<A> {
    /** Variables cls sets in every job (locally and on AWS); an arc's own would be overwritten. */
    static final List<String> RESERVED_PREFIXES = List.of("CLS_", "SM_");
    private static final Pattern INSTANCE_TYPE = Pattern.compile("ml\\.[a-z0-9]+\\.[a-z0-9]+");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,255}");
    /** SageMaker's channel names; also a folder name under /opt/ml/... locally and on AWS. */
    private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");
    private static final Pattern IMAGE_URI = Pattern.compile("\\S{1,255}");

    /** SageMaker's limits of one job type. */
    record Limits(String job, int maxInputs, int maxOutputs, int maxRuntimeMin, int maxValueLength) {
    }

    static final Limits PROCESSING = new Limits("processing", 10, 10, 12960, 256);
    /** A training job has one output, its model: checked as "one sink" instead. */
    static final Limits TRAINING = new Limits("training", 20, Integer.MAX_VALUE, 40320, 512);

    private final Limits limits;

    SageMakerJobRule(Limits limits) {
        this.limits = limits;
    }

    @Override
    public Concern concern() {
        return Concern.SETTINGS;
    }

    @Override
    public void check(Located<A> arc, RuleContext context, List<Problem> problems) {
        SageMakerJobSettings workload = arc.value().getWorkload();
        image(arc, workload, context, problems);
        if (workload.getImagePath() != null && workload.getCommand().isEmpty()) {
            problems.add(arc.problemAt("command is missing; give the program and its arguments the image runs, "
                    + "e.g. [\"python3\", \"stats.py\"] (cls local run runs it in imagePath)", "workload", "command"));
        }
        if (!INSTANCE_TYPE.matcher(String.valueOf(workload.getInstanceType())).matches()) {
            problems.add(arc.problemAt("instanceType " + Names.quote(String.valueOf(workload.getInstanceType()))
                    + " is not a SageMaker instance type; use one like ml.m5.large", "workload", "instanceType"));
        }
        range(arc, problems, "instanceCount", workload.getInstanceCount(), 100);
        range(arc, problems, "volumeSizeGB", workload.getVolumeSizeGB(), 16384);
        range(arc, problems, "maxRuntimeMin", workload.getMaxRuntimeMin(), limits.maxRuntimeMin());
        variables(arc, problems, workload.getEnvironment(), "environment", true, limits.maxValueLength());
        roles(arc, problems, arc.value().getSources().keySet(), "sources", limits.maxInputs());
        roles(arc, problems, arc.value().getSinks().keySet(), "sinks", limits.maxOutputs());
        for (Map.Entry<String, ? extends SinkDataset> sink : arc.value().getSinks().entrySet()) {
            String path = sink.getValue().getPathURI();
            if (path != null && !path.startsWith("s3://")) {
                problems.add(arc.problemAt("sink role '" + sink.getKey() + "' is " + Names.quote(path) + "; a "
                        + limits.job() + " job writes to S3, use an s3:// pathURI", "sinks", sink.getKey(), "pathURI"));
            }
        }
    }

    private void image(Located<A> arc, SageMakerJobSettings workload, RuleContext context, List<Problem> problems) {
        boolean path = workload.getImagePath() != null && !workload.getImagePath().isBlank();
        boolean uri = workload.getImageUri() != null && !workload.getImageUri().isBlank();
        if (path == uri) {
            problems.add(arc.problem("workload", path ? "give imagePath or imageUri, not both"
                    : "give imagePath (a folder with a Dockerfile, built on deploy) or imageUri (an image in ECR)"));
        } else if (path && context.options().localFiles()) {
            String problem = ImagePathRule.problem(ImagePathRule.projectFolder(arc), workload.getImagePath());
            if (problem != null) {
                problems.add(arc.problemAt(problem, "workload", "imagePath"));
            }
        } else if (uri && !IMAGE_URI.matcher(workload.getImageUri()).matches()) {
            problems.add(arc.problemAt("imageUri " + Names.quote(workload.getImageUri()) + " must be 1 to 255 "
                    + "characters without spaces, e.g. 123456789012.dkr.ecr.us-west-2.amazonaws.com/stats:1",
                    "workload", "imageUri"));
        }
    }

    private static void range(Located<?> arc, List<Problem> problems, String field, int value, int max) {
        if (value < 1 || value > max) {
            problems.add(arc.problemAt(field + " " + value + " is out of range; use 1 to " + max, "workload", field));
        }
    }

    /** Environment variables ({@code environment}) or hyperparameters, and their values up to {@code maxValue}. */
    static void variables(Located<? extends Arc<?>> arc, List<Problem> problems, Map<String, String> variables,
                          String field, boolean environment, int maxValue) {
        if (variables == null) {
            return;
        }
        if (variables.size() > 90) {
            problems.add(arc.problemAt(field + " holds " + variables.size() + " entries; SageMaker takes 100 and cls "
                    + "sets some itself, use at most 90", "workload", field));
        }
        for (Map.Entry<String, String> entry : variables.entrySet()) {
            String name = entry.getKey();
            String value = entry.getValue() == null ? "" : entry.getValue();
            if (environment && !VARIABLE.matcher(name).matches()) {
                problems.add(arc.problemAt("environment variable name " + Names.quote(name) + " must be letters, "
                        + "digits and _ and not start with a digit; rename it", "workload", field, name));
            } else if (environment && RESERVED_PREFIXES.stream().anyMatch(name::startsWith)) {
                problems.add(arc.problemAt("environment variable " + name + " is reserved (cls sets CLS_ and SM_ "
                        + "variables in the job); rename it", "workload", field, name));
            } else if (!environment && (name.isEmpty() || name.length() > 256)) {
                problems.add(arc.problemAt("hyperparameter name must be 1 to 256 characters", "workload", field, name));
            } else if (value.length() > maxValue) {
                problems.add(arc.problemAt(field + " " + name + " is " + value.length() + " characters long; "
                        + "SageMaker takes at most " + maxValue, "workload", field, name));
            }
        }
    }

    private void roles(Located<A> arc, List<Problem> problems, java.util.Set<String> roles, String field, int max) {
        if (roles.size() > max) {
            problems.add(arc.problem(field, "a " + limits.job() + " job takes at most " + max + " "
                    + (field.equals("sources") ? "inputs" : "outputs") + "; found " + roles.size()));
        }
        for (String role : roles) {
            if (!ROLE.matcher(role).matches()) {
                problems.add(arc.problemAt("role " + Names.quote(role) + " names a folder of the job (/opt/ml/...); "
                        + "use letters, digits, '.', '_' and '-' (at most 64)", field, role));
            }
        }
    }
}
