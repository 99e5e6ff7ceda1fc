package io.clusterless.engine.plan.boundary.s3put;

import io.clusterless.engine.boundary.BoundaryProps;
import io.clusterless.engine.location.S3Location;
import io.clusterless.engine.plan.BoundaryPlan;
import io.clusterless.engine.plan.BoundaryPlanner;
import io.clusterless.engine.plan.EventPatterns;
import io.clusterless.engine.plan.PlanContext;
import io.clusterless.lot.LotUnit;
import io.clusterless.model.Boundary;
import io.clusterless.model.core.boundary.s3put.EventArrival;
import io.clusterless.model.core.boundary.s3put.S3PutListenerBoundary;
import io.clusterless.naming.ProjectNames;

/**
 * s3PutListenerBoundary placed: infrequent boundaries run on each S3 Object Created event of the listened prefix,
 * frequent ones drain their queue on a schedule of the lot unit.
 */
public final class S3PutBoundaryPlanner implements BoundaryPlanner {
    @Override
    public String componentType() {
        return S3PutListenerBoundary.TYPE;
    }

    @Override
    public BoundaryPlan plan(Boundary component, PlanContext context) {
        S3PutListenerBoundary boundary = (S3PutListenerBoundary) component;
        ProjectNames names = context.names();
        boolean frequent = boundary.getEventArrival() == EventArrival.frequent;
        LotUnit unit = LotUnit.parse(boundary.getLotUnit());
        String queue = frequent ? names.frequentQueue(boundary.getName()) : null;
        BoundaryProps props = BoundaryProps.builder()
                .lotUnit(unit)
                .dataset(boundary.getDataset())
                .manifestBucket(context.placement().manifestBucket())
                .eventBusName(context.placement().arcEventBus())
                .filter(boundary.getFilter())
                .lotSource(frequent ? null : boundary.getInfrequent().getLotSource())
                .keyRegex(frequent ? null : boundary.getInfrequent().getKeyRegex())
                .sqsQueueName(queue)
                .sqsWaitTimeSeconds(frequent ? boundary.getFrequent().getQueueFetchWaitSec() : 0)
                .build();
        S3Location listened = props.location();
        return new BoundaryPlan(boundary, props, frequent, names.lambdaFunction(boundary.getName(), "int"),
                names.componentRule(boundary.getName()), queue,
                frequent ? BoundaryProps.FREQUENT_VARIABLE : BoundaryProps.INFREQUENT_VARIABLE,
                frequent ? null : EventPatterns.s3ObjectCreated(listened.bucket(), listened.prefix()),
                frequent ? EventPatterns.cron(unit) : null);
    }
}
