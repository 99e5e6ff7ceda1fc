package io.clusterless.substrate.aws.connection;

import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.AwsSettings;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How cls reaches AWS: a profile, a region and an endpoint, applied alike to every SDK client cls builds and, through
 * the environment, to the processes it starts (the CDK CLI), so one setting points everything at LocalStack or moto.
 * Credentials are never read into output or files: they stay with the SDK's provider chain and the child's own
 * environment.
 *
 * @param profile     the AWS profile, or null for AWS_PROFILE, else the default
 * @param region      the region, or null for the placement's, else AWS_REGION
 * @param endpointUrl the endpoint every call goes to instead of AWS's, or null
 */
public record AwsConnection(String profile, String region, URI endpointUrl) {
    /**
     * {@code base} with this connection applied: {@code AWS_PROFILE}, {@code AWS_REGION}/{@code AWS_DEFAULT_REGION}
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
     * SDK clients for {@link #environment}. With a profile the credentials are that profile's only, as the
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
