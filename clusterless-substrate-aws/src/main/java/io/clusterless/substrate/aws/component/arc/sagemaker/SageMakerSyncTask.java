package io.clusterless.substrate.aws.component.arc.sagemaker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.stepfunctions.QueryLanguage;
import software.amazon.awscdk.services.stepfunctions.tasks.CallAwsService;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * A Step Functions task on SageMaker's optimized integration that waits for the job
 * ({@code arn:<partition>:states:::sagemaker:create...Job.sync}). The CDK has no task for processing jobs and its
 * training task cannot set the container's entrypoint, so this renders a {@link CallAwsService} (same parameter
 * shape: SageMaker's API) with the integration's resource, and the policies the caller gives instead of the SDK
 * task's own.
 */
final class SageMakerSyncTask extends CallAwsService {
    private final String resource;
    private final List<PolicyStatement> policies;

    /**
     * @param action     {@code createProcessingJob} or {@code createTrainingJob}
     * @param parameters the request, with {@code JsonPath} values for the parts read from the state
     */
    SageMakerSyncTask(Construct scope, String id, String action, Map<String, Object> parameters,
                      List<PolicyStatement> policies) {
        super(scope, id, software.amazon.awscdk.services.stepfunctions.tasks.CallAwsServiceProps.builder()
                .service("sagemaker")
                .action(action)
                .parameters(parameters)
                .iamResources(List.of("*"))
                .resultPath(software.amazon.awscdk.services.stepfunctions.JsonPath.DISCARD)
                .build());
        this.resource = "arn:" + Aws.PARTITION + ":states:::sagemaker:" + action + ".sync";
        this.policies = List.copyOf(policies);
    }

    @Override
    protected List<PolicyStatement> getTaskPolicies() {
        return policies;
    }

    @Override
    public ObjectNode toStateJson(QueryLanguage queryLanguage) {
        return withResource(super.toStateJson(queryLanguage));
    }

    @Override
    public ObjectNode toStateJson() {
        return withResource(super.toStateJson());
    }

    private ObjectNode withResource(ObjectNode state) {
        state.put("Resource", resource);
        return state;
    }
}
