package io.clusterless.model.validate;

import io.clusterless.model.Deployable;
import io.clusterless.model.shape.FieldPath;
import io.clusterless.model.load.LoadedFile;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;
import io.clusterless.naming.BucketNames;
import io.clusterless.naming.PlacementNames;

import java.util.List;
import java.util.regex.Pattern;

/** Project identity and placement values that every name is built from. */
final class PlacementRule implements Rule {
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern STAGE = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    /** Verbatim in stack names, which allow only letters, digits and '-'. */
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");

    /** Whether the values every physical name is built from are valid, so names built from them can be checked. */
    static boolean namesBuildable(Deployable deployable) {
        String stage = deployable.getPlacement().getStage();
        return NAME.matcher(deployable.getProject().getName()).matches()
                && VERSION.matcher(deployable.getProject().getVersion()).matches()
                && (stage == null || STAGE.matcher(stage).matches())
                && ACCOUNT.matcher(deployable.getPlacement().getAccount()).matches()
                && REGION.matcher(deployable.getPlacement().getRegion()).matches();
    }

    @Override
    public void check(LoadedProject project, ValidationOptions options, List<Problem> problems) {
        for (LoadedFile file : project.files()) {
            Deployable deployable = file.deployable();
            String name = deployable.getProject().getName();
            String version = deployable.getProject().getVersion();
            if (!NAME.matcher(name).matches()) {
                problems.add(file.problem(FieldPath.of("project", "name"), "project name " + Names.quote(name)
                        + " must start with a letter and use only letters, digits, '-' and '_' (it is part of every "
                        + "physical name)"));
            }
            if (!VERSION.matcher(version).matches()) {
                problems.add(file.problem(FieldPath.of("project", "version"), "project version " + Names.quote(version)
                        + " must use only ASCII letters, digits and '-' (it is part of stack names), e.g. "
                        + "20230101-00"));
            }
            String provider = deployable.getPlacement().getProvider();
            if (!"aws".equals(provider)) {
                problems.add(file.problem(FieldPath.of("placement", "provider"), "unsupported provider \"" + provider
                        + "\"; only \"aws\" exists"));
            }
            String stage = deployable.getPlacement().getStage();
            if (stage != null && !STAGE.matcher(stage).matches()) {
                problems.add(file.problem(FieldPath.of("placement", "stage"), "stage \"" + stage + "\" must start "
                        + "with a letter and use only letters and digits, e.g. dev, test, prod (it is part of "
                        + "bucket names)"));
            }
            String account = deployable.getPlacement().getAccount();
            if (!ACCOUNT.matcher(account).matches()) {
                problems.add(file.problem(FieldPath.of("placement", "account"), "account \"" + account
                        + "\" must be a 12-digit AWS account id"));
            }
            String region = deployable.getPlacement().getRegion();
            if (!REGION.matcher(region).matches()) {
                problems.add(file.problem(FieldPath.of("placement", "region"), "region \"" + region
                        + "\" is not an AWS region name such as us-west-2"));
            }
            if (namesBuildable(deployable)) {
                bucketsProblem(deployable).ifPresent(problem ->
                        problems.add(file.problem(FieldPath.of("placement", "stage"), problem)));
            }
        }
    }

    /** The placement's own buckets carry the stage; S3 allows 63 characters, so a long stage makes bootstrap fail. */
    private static java.util.Optional<String> bucketsProblem(Deployable deployable) {
        PlacementNames names = PlacementNames.of(deployable.getPlacement());
        for (String bucket : List.of(names.metadataBucket(), names.arcStateBucket(), names.manifestBucket())) {
            String problem = BucketNames.problem(bucket);
            if (problem != null) {
                return java.util.Optional.of("the placement's bucket " + problem + "; shorten the stage");
            }
        }
        return java.util.Optional.empty();
    }
}
