package io.clusterless.model.core.boundary.s3put;

import io.clusterless.model.Component;
import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentType;
import io.clusterless.model.component.NameClaim;
import io.clusterless.model.component.PhysicalNameKind;
import io.clusterless.naming.ProjectNames;

import java.util.ArrayList;
import java.util.List;

/** The model of {@value S3PutListenerBoundary#TYPE}: its declaration, documentation and Lambda function names. */
public final class S3PutListenerBoundaryPlugin implements ComponentPlugin {
    private static final ComponentType TYPE = new ComponentType(
            S3PutListenerBoundary.TYPE, ComponentKind.BOUNDARY, S3PutListenerBoundary.class,
            "Turns objects put under an S3 prefix into lots of a dataset.",
            "Listens for objects created under dataset.pathURI and groups them into lots of lotUnit. "
                    + "infrequent: each S3 event writes its lot's manifest (one object per lot; later "
                    + "objects are recorded as late arrivals). frequent: events queue up and a manifest, "
                    + "empty when nothing arrived, is written at the end of every interval. Each manifest "
                    + "is announced on the arc event bus for subscribed arcs.",
            List.of("int"));

    @Override
    public ComponentType type() {
        return TYPE;
    }

    /** A frequent boundary also gets the queue its S3 notifications fill. */
    @Override
    public List<NameClaim> physicalNames(Component component) {
        List<NameClaim> claims = new ArrayList<>(ComponentPlugin.super.physicalNames(component));
        if (((S3PutListenerBoundary) component).getEventArrival() == EventArrival.frequent) {
            claims.add(NameClaim.ofName(component.getName(), PhysicalNameKind.QUEUE, ProjectNames::frequentQueue));
        }
        return claims;
    }
}
