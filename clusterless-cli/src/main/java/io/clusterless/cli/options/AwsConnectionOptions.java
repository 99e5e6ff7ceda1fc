package io.clusterless.cli.options;

import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.substrate.aws.connection.AwsConnection;
import picocli.CommandLine.Option;

import java.net.URI;
import java.util.Map;

/**
 * How cls reaches AWS: {@code --profile}, {@code --region} and {@code --endpoint-url}, as an {@link AwsConnection}.
 */
public final class AwsConnectionOptions {
    @Option(names = "--profile", paramLabel = "NAME",
            description = "AWS profile of the shared config and credentials files (default: AWS_PROFILE, else default).")
    String profile;

    @Option(names = "--region", paramLabel = "REGION",
            description = "AWS region (default: the placement's region, else AWS_REGION).")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Send every AWS call to this endpoint instead of AWS's (e.g. http://localhost:5000 for "
                    + "moto or LocalStack); also given to the CDK CLI.")
    URI endpointUrl;

    public String profile() {
        return profile;
    }

    public String region() {
        return region;
    }

    public URI endpointUrl() {
        return endpointUrl;
    }

    /** The connection these options give. */
    public AwsConnection connection() {
        return new AwsConnection(profile, region, endpointUrl);
    }

    /** See {@link AwsConnection#environment}. */
    public Map<String, String> environment(Map<String, String> base, String defaultRegion) {
        return connection().environment(base, defaultRegion);
    }

    /** See {@link AwsConnection#clients}. */
    public AwsClients clients(Map<String, String> base, String defaultRegion) {
        return connection().clients(base, defaultRegion);
    }

    /** See {@link AwsConnection#hintArguments}. */
    public String hintArguments() {
        return connection().hintArguments();
    }
}
