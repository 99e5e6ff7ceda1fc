package io.clusterless.substrate.aws.synth;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a synthesis produced.
 *
 * @param outdir   the cloud assembly directory ({@code cdk deploy --app <outdir>})
 * @param stacks   every stack, in creation order
 * @param findings cdk-nag findings (empty unless nag was applied)
 * @param notes    things the user must do by hand, e.g. notifications on a bucket of another project
 * @param timings  wall time per phase
 */
public record SynthResult(Path outdir, List<StackReport> stacks, List<NagFinding> findings, List<String> notes,
                          Timings timings) {
    /** One synthesized stack and its resources by CloudFormation type. */
    public record StackReport(String name, String templateFile, Map<String, Integer> resourceCounts) {
        public int resources() {
            return resourceCounts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** A cdk-nag finding: {@code level} is {@code error} or {@code warning}. */
    public record NagFinding(String stack, String path, String level, String rule, String message) {
    }

    public long errors() {
        return findings.stream().filter(f -> f.level().equals("error")).count();
    }
}
