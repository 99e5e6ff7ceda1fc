package io.clusterless.substrate.aws.component.arc.sagemaker;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.substrate.aws.wire.Aws;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.stepfunctions.QueryLanguage;
import software.amazon.awscdk.services.stepfunctions.tasks.CallAwsService;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * The Step Functions step that starts the lot's SageMaker job and waits for it: a Map state over the prepare step's
 * {@code jobs} (one request, or none for a lot without objects: the arc stack accepts only task states, so the
 * choice is the list's length), whose one inner task uses SageMaker's optimized integration
 * ({@code arn:<partition>:states:::sagemaker:create...Job.sync}). The CDK has no task for processing jobs and its
 * training task cannot set the container's entrypoint, so this renders a {@link CallAwsService} (the same parameter
 * shape: SageMaker's API) in that form, with the policies the caller gives instead of the SDK task's own. Its
 * retries are the inner task's; its catches, next state and result path the Map's.
 */
final class SageMakerSyncTask extends CallAwsService {
    /** The inner task's name; state names are unique in the whole state machine. */
    static final String INNER = "StartJob";

    private final String resource;
    private final String itemsPath;
    private final List<PolicyStatement> policies;

    /**
     * @param action     {@code createProcessingJob} or {@code createTrainingJob}
     * @param itemsPath  the list of requests, each the input of one start
     * @param parameters the request, with {@code JsonPath} values read from one element of the list
     */
    SageMakerSyncTask(Construct scope, String id, String action, String itemsPath, Map<String, Object> parameters,
                      List<PolicyStatement> policies) {
        super(scope, id, software.amazon.awscdk.services.stepfunctions.tasks.CallAwsServiceProps.builder()
                .service("sagemaker")
                .action(action)
                .parameters(parameters)
                .iamResources(List.of("*"))
                .resultPath(software.amazon.awscdk.services.stepfunctions.JsonPath.DISCARD)
                .build());
        this.resource = "arn:" + Aws.PARTITION + ":states:::sagemaker:" + action + ".sync";
        this.itemsPath = itemsPath;
        this.policies = List.copyOf(policies);
    }

    @Override
    protected List<PolicyStatement> getTaskPolicies() {
        return policies;
    }

    @Override
    public ObjectNode toStateJson(QueryLanguage queryLanguage) {
        return asMap(super.toStateJson(queryLanguage));
    }

    @Override
    public ObjectNode toStateJson() {
        return asMap(super.toStateJson());
    }

    private ObjectNode asMap(ObjectNode task) {
        ObjectNode inner = JsonNodeFactory.instance.objectNode();
        inner.put("Type", "Task");
        inner.put("Resource", resource);
        inner.set("Parameters", task.get("Parameters"));
        if (task.has("Retry")) {
            inner.set("Retry", task.get("Retry"));
        }
        inner.put("End", true);
        ObjectNode map = JsonNodeFactory.instance.objectNode();
        map.put("Type", "Map");
        map.put("ItemsPath", itemsPath);
        map.put("MaxConcurrency", 1);
        ObjectNode processor = map.putObject("ItemProcessor");
        processor.putObject("ProcessorConfig").put("Mode", "INLINE");
        processor.put("StartAt", INNER);
        processor.putObject("States").set(INNER, inner);
        for (String field : List.of("Comment", "InputPath", "OutputPath", "ResultPath", "Catch", "Next", "End")) {
            if (task.has(field)) {
                map.set(field, task.get(field));
            }
        }
        return map;
    }
}
