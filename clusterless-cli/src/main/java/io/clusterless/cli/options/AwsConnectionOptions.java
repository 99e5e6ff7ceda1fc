package io.clusterless.cli.options;

import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.AwsSettings;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How cls reaches AWS: {@code --profile}, {@code --region} and {@code --endpoint-url}, applied alike to every SDK
 * client cls builds and, through the environment, to the processes it starts (the CDK CLI), so one flag points
 * everything at LocalStack or moto. Credentials are never read into output or files: they stay with the SDK's
 * provider chain and the child's own environment.
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

    /**
     * {@code base} with these options applied: {@code AWS_PROFILE}, {@code AWS_REGION}/{@code AWS_DEFAULT_REGION}
     * ({@code defaultRegion} when neither the option nor the environment gives one) and {@code AWS_ENDPOINT_URL}.
     */
    public Map<String, String> environment(Map<String, String> base, String defaultRegion) {
        Map<String, String> environment = new LinkedHashMap<>(base);
        if (profile != null) {
            environment.put("AWS_PROFILE", profile);
            // the CDK CLI's credential chain also reads keys from the environment before the profile
            environment.remove("AWS_ACCESS_KEY_ID");
            environment.remove("AWS_SECRET_ACCESS_KEY");
            environment.remove("AWS_SESSION_TOKEN");
        }
        String chosen = region != null ? region
                : firstNonBlank(base.get("AWS_REGION"), base.get("AWS_DEFAULT_REGION"), defaultRegion);
        if (chosen != null) {
            environment.put("AWS_REGION", chosen);
            environment.put("AWS_DEFAULT_REGION", chosen);
        }
        if (endpointUrl != null) {
            environment.put("AWS_ENDPOINT_URL", endpointUrl.toString());
        }
        return environment;
    }

    /**
     * SDK clients for {@link #environment}. With {@code --profile} the credentials are that profile's only, as the
     * CDK CLI's are: keys in the environment must not make one command act as two identities. Otherwise the
     * default credential chain, with {@code AWS_PROFILE}.
     */
    public AwsClients clients(Map<String, String> base, String defaultRegion) {
        Map<String, String> environment = environment(base, defaultRegion);
        if (profile != null) {
            return new AwsClients(AwsSettings.of(environment),
                    ProfileCredentialsProvider.builder().profileName(profile).build());
        }
        DefaultCredentialsProvider.Builder credentials = DefaultCredentialsProvider.builder();
        String chosenProfile = environment.get("AWS_PROFILE");
        if (chosenProfile != null && !chosenProfile.isBlank()) {
            credentials.profileName(chosenProfile);
        }
        return new AwsClients(AwsSettings.of(environment), credentials.build());
    }

    /**
     * {@code --profile} and {@code --endpoint-url} as given, to repeat in a hint the user may paste (the hints
     * name the placement's region themselves): {@code " --endpoint-url URL"}; empty without them.
     */
    public String hintArguments() {
        StringBuilder arguments = new StringBuilder();
        if (profile != null) {
            arguments.append(" --profile ").append(profile);
        }
        if (endpointUrl != null) {
            arguments.append(" --endpoint-url ").append(endpointUrl);
        }
        return arguments.toString();
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
