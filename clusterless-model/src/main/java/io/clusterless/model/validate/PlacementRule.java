package io.clusterless.model.validate;

import io.clusterless.model.Deployable;
import io.clusterless.model.load.FieldPath;
import io.clusterless.model.load.LoadedFile;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;

import java.util.List;
import java.util.regex.Pattern;

/** Project identity and placement values that every name is built from. */
final class PlacementRule implements Rule {
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern STAGE = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    @Override
    public void check(LoadedProject project, ValidationOptions options, List<Problem> problems) {
        for (LoadedFile file : project.files()) {
            Deployable deployable = file.deployable();
            String name = deployable.getProject().getName();
            String version = deployable.getProject().getVersion();
            if (!NAME.matcher(name).matches()) {
                problems.add(file.problem(FieldPath.of("project", "name"), "project name \"" + name + "\" must start "
                        + "with a letter and use only letters, digits, '-' and '_' (it is part of every physical name)"));
            }
            if (!VERSION.matcher(version).matches()) {
                problems.add(file.problem(FieldPath.of("project", "version"), "project version \"" + version
                        + "\" must use only letters, digits, '.', '-' and '_', e.g. 20230101-00"));
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
        }
    }
}
