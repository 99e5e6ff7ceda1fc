package io.clusterless.cli.command;

import io.clusterless.cli.context.CliContext;
import io.clusterless.json.Json;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.shape.JsonSchemaWriter;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code cls schema}: the JSON Schema of project files. */
@Command(name = "schema",
        description = {"Print the JSON Schema (draft 2020-12) of project files, for editors and CI.",
                "Example: cls schema > clusterless.schema.json"},
        mixinStandardHelpOptions = true)
public final class SchemaCommand implements Callable<Integer> {
    private final CliContext context;

    SchemaCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        var schema = new JsonSchemaWriter(ComponentRegistry.defaultRegistry()).write();
        context.out().println(Json.records().writerWithDefaultPrettyPrinter().writeValueAsString(schema));
        context.out().flush();
        return 0;
    }
}
