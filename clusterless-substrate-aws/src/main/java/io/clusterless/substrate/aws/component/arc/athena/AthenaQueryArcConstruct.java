package io.clusterless.substrate.aws.component.arc.athena;

import io.clusterless.arc.ArcProps;
import io.clusterless.engine.location.S3Location;
import io.clusterless.engine.plan.ProjectPlan;
import io.clusterless.engine.workload.athena.AthenaQueryProps;
import io.clusterless.json.Json;
import io.clusterless.model.Deployable;
import io.clusterless.model.LambdaRuntimeProps;
import io.clusterless.model.core.arc.athena.AthenaQueryArc;
import io.clusterless.runtime.workload.athena.AthenaQueryHandler;
import io.clusterless.substrate.aws.construct.HandlerFunction;
import io.clusterless.substrate.aws.construct.OrderedMaps;
import io.clusterless.substrate.aws.construct.ArcContext;
import io.clusterless.substrate.aws.construct.ConstructException;
import io.clusterless.substrate.aws.nag.Nag;
import io.clusterless.substrate.aws.nag.Suppression;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.s3.Location;
import software.amazon.awscdk.services.stepfunctions.IntegrationPattern;
import software.amazon.awscdk.services.stepfunctions.JsonPath;
import software.amazon.awscdk.services.stepfunctions.TaskInput;
import software.amazon.awscdk.services.stepfunctions.TaskStateBase;
import software.amazon.awscdk.services.stepfunctions.tasks.AthenaStartQueryExecution;
import software.amazon.awscdk.services.stepfunctions.tasks.AthenaStartQueryExecutionProps;
import software.amazon.awscdk.services.stepfunctions.tasks.LambdaInvoke;
import software.amazon.awscdk.services.stepfunctions.tasks.QueryExecutionContext;
import software.amazon.awscdk.services.stepfunctions.tasks.ResultConfiguration;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code aws:core:athenaQueryArc}: three tasks. {@code PrepareQuery} (cls's function) expands the lot's SELECT,
 * clears the lot's folder and returns the UNLOAD statement; {@code RunQuery} runs it with the Step Functions Athena
 * integration and waits ({@code startQueryExecution.sync}); {@code QueryResult} lists what UNLOAD wrote, writes
 * the sink manifest and returns the document with {@code sinkManifests} and {@code workloadMetrics} (Athena's
 * scanned bytes), which the complete gate records with the run's end. Athena reads and writes with the state machine's role, which gets Athena on the work group,
 * Glue read on the source tables and S3 read on their locations, write only under the sink path and the query
 * results prefix. A failed query's error text is the task's error, which the complete gate records for cls gaps.
 */
public final class AthenaQueryArcConstruct {
    /** cls's own function only reads manifests, lists and deletes one folder, and writes a manifest. */
    private static final LambdaRuntimeProps DEFAULT_PROPS = new LambdaRuntimeProps(512, 2, 5,
            io.clusterless.model.Architecture.ARM_64);

    public List<TaskStateBase> tasks(ArcContext arc) {
        AthenaQueryArc model = (AthenaQueryArc) arc.plan().model();
        AthenaQueryProps query = props(arc, model);
        ArcProps planned = arc.plan().workloadProps();
        ArcProps withQuery = new ArcProps(planned.sources(), planned.sinks(), planned.sourceManifestPaths(),
                planned.sinkManifestTemplates(), query.toTree());
        String json;
        try {
            json = Json.records().writeValueAsString(withQuery);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write arc props", e);
        }
        LambdaRuntimeProps runtime = model.getWorkload().getRuntimeProps() == null ? DEFAULT_PROPS
                : model.getWorkload().getRuntimeProps();
        HandlerFunction function = new HandlerFunction(arc.scope(), "QueryFunction", new HandlerFunction.Spec(
                arc.plan().workloadFunction(), arc.plan().workloadHandler(), runtime,
                Map.of(ArcContext.WORKLOAD_PROPS_VARIABLE, json), "clusterless athena query of arc " + model.getName()),
                arc.project());
        // reads source manifests, writes the sink manifest, lists and clears the lot's folder under the sink
        arc.grantReadSources(function.policy(), false);
        arc.grantWriteSinks(function.policy(), true);

        S3Location results = resultsLocation(arc, model, query);
        String database = query.tables().values().iterator().next().database();
        LambdaInvoke prepare = LambdaInvoke.Builder.create(arc.scope(), "PrepareQuery")
                .lambdaFunction(function.target())
                .payload(TaskInput.fromObject(OrderedMaps.of("step", "prepare",
                        "context", JsonPath.objectAt("$.arcWorkloadContext"))))
                .payloadResponseOnly(true)
                .retryOnServiceExceptions(true)
                .resultPath("$.athenaQuery")
                .build();
        AthenaStartQueryExecutionProps.Builder run = AthenaStartQueryExecutionProps.builder()
                .queryString(JsonPath.stringAt("$.athenaQuery.statement"))
                .integrationPattern(IntegrationPattern.RUN_JOB)
                .queryExecutionContext(QueryExecutionContext.builder().databaseName(database).build())
                .resultConfiguration(ResultConfiguration.builder().outputLocation(Location.builder()
                        .bucketName(results.bucket())
                        // the task adds the '/' after the key
                        .objectKey(results.prefix().replaceAll("/$", "")).build()).build())
                .resultSelector(Map.of("QueryExecution", OrderedMaps.of(
                        "QueryExecutionId", JsonPath.stringAt("$.QueryExecution.QueryExecutionId"),
                        "Statistics", JsonPath.objectAt("$.QueryExecution.Statistics"))))
                .resultPath("$." + AthenaQueryHandler.ATHENA_RESULT);
        if (model.getWorkload().getWorkGroup() != null) {
            run.workGroup(model.getWorkload().getWorkGroup());
        }
        List<PolicyStatement> policies = QueryGrants.of(query, sink(model), results, model.getWorkload()
                .getWorkGroup() == null ? "primary" : model.getWorkload().getWorkGroup());
        AthenaStartQueryExecution runQuery = new AthenaStartQueryExecution(arc.scope(), "RunQuery", run.build()) {
            /**
             * The task's own grants include s3:CreateBucket and s3:GetObject on every bucket and Glue writes on
             * the whole database; the state machine's role gets exactly what this query needs instead.
             */
            @Override
            protected List<PolicyStatement> getTaskPolicies() {
                return policies;
            }
        };
        // the state machine and its role are built after this by the arc stack: the suppression is the stack's
        Nag.suppressStack(Stack.of(arc.scope()), List.of(new Suppression(Nag.IAM5, "Athena reads the source "
                + "tables' objects and writes the lot's files under fixed bucket and key prefixes; their keys are "
                + "only known at run time.", List.of("/^Resource::arn:<AWS::Partition>:s3:::[^*]+\\*$/g"))));
        // given the whole document, returns it with sinkManifests and workloadMetrics (Athena's scanned bytes, read
        // from $.athenaResult by the function, which tolerates their absence): the complete gate records them
        LambdaInvoke result = LambdaInvoke.Builder.create(arc.scope(), "QueryResult")
                .lambdaFunction(function.target())
                .payload(TaskInput.fromObject(OrderedMaps.of("step", "result",
                        "state", JsonPath.getEntirePayload())))
                .payloadResponseOnly(true)
                .retryOnServiceExceptions(true)
                .build();
        return List.of(prepare, runQuery, result);
    }

    private static AthenaQueryProps props(ArcContext arc, AthenaQueryArc model) {
        List<Deployable> deployables = arc.project().placementPlan().projects().stream().map(ProjectPlan::deployable)
                .toList();
        Path base = arc.project().baseDir().toAbsolutePath().normalize();
        try {
            return AthenaQueryProps.of(model, deployables, base);
        } catch (IllegalArgumentException e) {
            throw new ConstructException(arc.project().display() + ": " + e.getMessage() + "; run cls validate");
        }
    }

    /** {@code queryResultsURI}, else the arc's prefix in the placement's manifest bucket. */
    private static S3Location resultsLocation(ArcContext arc, AthenaQueryArc model, AthenaQueryProps query) {
        if (query.queryResultsURI() != null) {
            return S3Location.parse(query.queryResultsURI());
        }
        return new S3Location(arc.manifestBucket(), "athena-results/project=" + arc.project().names().project()
                + "/version=" + arc.project().names().version() + "/arc=" + model.getName() + "/");
    }

    private static S3Location sink(AthenaQueryArc model) {
        return S3Location.parse(model.getSinks().values().iterator().next().getPathURI());
    }
}
