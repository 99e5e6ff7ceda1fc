package io.clusterless.runtime.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.clusterless.json.Json;
import org.crac.Core;
import org.crac.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Base of every Lambda entry point: reads the input JSON, runs {@link #handle}, writes the output JSON.
 * Subclasses build their collaborators once per container in their constructor (SnapStart-safe: no connections
 * are opened there) and may {@link #prime} on checkpoint so the restored snapshot has its classes loaded.
 */
public abstract class JsonStreamHandler<I, O> implements RequestStreamHandler, Resource {
    private final Class<I> inputType;

    protected JsonStreamHandler(Class<I> inputType) {
        this.inputType = inputType;
        Core.getGlobalContext().register(this);
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        I request = Json.records().readValue(input, inputType);
        O response = handle(request, context);
        if (response != null) {
            Json.records().writeValue(output, response);
        }
    }

    /** The handler's work; {@code context} may be null outside Lambda. */
    public abstract O handle(I request, Context context);

    /** Loads and exercises code paths without touching the network; called before a SnapStart checkpoint. */
    protected void prime() {
        try {
            Json.records().readValue(Json.records().writeValueAsBytes(Json.records().createObjectNode()), inputType);
        } catch (IOException | RuntimeException e) {
            // priming is an optimisation: a sample that does not bind must not fail the checkpoint
        }
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing cached depends on the snapshot's wall clock or connections
    }
}
